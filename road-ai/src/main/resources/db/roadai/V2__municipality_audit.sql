-- Changes to a municipality's settings (priority weights, road imports): who, when, what. Item actions keep their
-- own trail in item_event; GET .../audit shows both, newest first.
CREATE TABLE municipality_event (
    id           bigserial PRIMARY KEY,
    municipality char(8) NOT NULL REFERENCES municipality,
    at           timestamptz NOT NULL,
    who          text NOT NULL,
    action       text NOT NULL,
    detail       text
);
CREATE INDEX municipality_event_at ON municipality_event (municipality, at);
CREATE INDEX item_event_municipality_at ON item_event (municipality, at);
