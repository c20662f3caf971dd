-- Measurement sites (Messquerschnitte): the cross-section of a road where counting devices stand. Planners ask
-- for a site's figures; a site's devices together measure its lanes. A device belongs to at most one site.
CREATE TABLE measurement_site (
    id              text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{2,63}$'),
    municipality    char(8)          NOT NULL CHECK (municipality ~ '^[0-9]{8}$'),  -- AGS
    name            text             NOT NULL,
    road_name       text,
    road_number     text,                                   -- e.g. "L 119", "A 4"
    latitude        double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude       double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    lanes_forward   smallint         NOT NULL CHECK (lanes_forward BETWEEN 0 AND 8),
    lanes_backward  smallint         NOT NULL CHECK (lanes_backward BETWEEN 0 AND 8),
    forward_label   text,                                   -- "Richtung Homburg"
    backward_label  text,
    speed_limit_kmh smallint         CHECK (speed_limit_kmh BETWEEN 5 AND 200),
    created_at      timestamptz      NOT NULL DEFAULT now(),
    updated_at      timestamptz      NOT NULL DEFAULT now(),
    CHECK (lanes_forward + lanes_backward > 0)
);

CREATE INDEX measurement_site_municipality ON measurement_site (municipality);

ALTER TABLE device ADD COLUMN site_id text COLLATE "C" REFERENCES measurement_site (id) ON DELETE SET NULL;
CREATE INDEX device_site ON device (site_id);
