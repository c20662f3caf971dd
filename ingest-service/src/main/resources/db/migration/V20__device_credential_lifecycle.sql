-- When a device's secret was last set (provisioned, re-provisioned or rotated) and when an operator revoked it:
-- the device list shows both, so that an operator sees which credentials are current and which device is cut off.
-- Numbered 20 to stay clear of the migrations of parallel work (users, audit: V7 onwards).
ALTER TABLE device
    ADD COLUMN secret_set_at timestamptz,
    ADD COLUMN revoked_at    timestamptz;

UPDATE device SET secret_set_at = created_at;
UPDATE device SET revoked_at = now() WHERE NOT enabled;
