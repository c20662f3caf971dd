-- Payloads the intake refused, with the reason and the raw bytes, so an operator can see what a device sent.
CREATE TABLE dead_letter (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at    timestamptz NOT NULL,
    transport      text        NOT NULL,
    claimed_device text,                 -- the device the transport vouched for (topic, PSK identity, token)
    reason         text        NOT NULL,
    field          text,
    message        text        NOT NULL,
    payload        bytea       NOT NULL
);

CREATE INDEX dead_letter_received ON dead_letter (received_at);
CREATE INDEX dead_letter_device ON dead_letter (claimed_device, received_at);
