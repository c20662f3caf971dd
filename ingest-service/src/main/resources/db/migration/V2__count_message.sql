-- One row per stored count message. (device_id, seq) is the idempotency key: a redelivered message conflicts here,
-- stores nothing and is acknowledged as a duplicate.
--
-- This table is on the hot path of every write, so it carries only its key: no foreign key to device (the intake
-- admits registered devices only, and devices are disabled, not deleted) and no time index (time queries go to
-- count_record): measured, the two together cost about a third of the writer's throughput.
CREATE TABLE count_message (
    device_id      text COLLATE "C" NOT NULL,
    seq            bigint      NOT NULL,
    interval_start timestamptz NOT NULL,
    length_s       integer     NOT NULL,
    scheme         text        NOT NULL,
    firmware       text        NOT NULL,
    transport      text        NOT NULL,
    received_at    timestamptz NOT NULL,
    stored_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (device_id, seq)
);

-- What the device list shows, kept by the writer in the same transaction as the counts (as its last statement, so
-- that concurrent writers hold these row locks only briefly), and so listing devices never counts messages.
CREATE TABLE device_activity (
    device_id           text COLLATE "C" PRIMARY KEY,
    stored_intervals    bigint      NOT NULL,
    last_interval_start timestamptz NOT NULL,
    last_stored_at      timestamptz NOT NULL
);
