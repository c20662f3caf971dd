-- Registered roadside units. Only the hash of a device's secret and the DTLS key derived from it are kept
-- (see DeviceSecrets), never the secret. The hash is unique so that a bearer token names exactly one device.
CREATE TABLE device (
    id           text COLLATE "C" PRIMARY KEY,  -- ids are [a-z0-9-]: byte order is their order, and cheaper
    municipality char(8)     NOT NULL CHECK (municipality ~ '^[0-9]{8}$'),  -- AGS
    name         text        NOT NULL,
    secret_hash  text        NOT NULL,
    psk          bytea       NOT NULL,
    enabled      boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz,            -- last status report (heartbeat or last will)
    last_status  jsonb                   -- that report: state, fw, outbox, lastSeq, uptime, at
);

CREATE UNIQUE INDEX device_secret_hash ON device (secret_hash);
CREATE INDEX device_municipality ON device (municipality);
