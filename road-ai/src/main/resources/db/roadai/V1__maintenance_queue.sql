-- The maintenance queue (issue #5). Every row belongs to one municipality (AGS); every query names it.

CREATE TABLE municipality (
    ags      char(8) PRIMARY KEY CHECK (ags ~ '^[0-9]{8}$'),
    name     text NOT NULL,
    -- Where images of this municipality may be taken: a box around it (widened by road imports).
    min_lat  double precision NOT NULL,
    min_lon  double precision NOT NULL,
    max_lat  double precision NOT NULL,
    max_lon  double precision NOT NULL,
    -- PriorityWeights as JSON; null: the defaults.
    weights  jsonb
);

CREATE TABLE road_segment (
    municipality char(8) NOT NULL REFERENCES municipality,
    id           text NOT NULL,
    name         text NOT NULL,
    road_class   text NOT NULL,
    site_id      text,
    -- [[lon, lat], ...] as in GeoJSON
    line         jsonb NOT NULL,
    imported_at  timestamptz NOT NULL,
    PRIMARY KEY (municipality, id)
);

CREATE TABLE survey_image (
    id             bigserial PRIMARY KEY,
    municipality   char(8) NOT NULL REFERENCES municipality,
    -- SHA-256 of the file as received (before anonymising): the same file twice is recognised
    sha256         char(64) NOT NULL,
    file_name      text NOT NULL,
    taken_at       timestamptz NOT NULL,
    received_at    timestamptz NOT NULL,
    latitude       double precision NOT NULL,
    longitude      double precision NOT NULL,
    heading        double precision,
    width          integer NOT NULL,
    height         integer NOT NULL,
    hidden_regions integer NOT NULL,
    -- anonymised JPEG (faces and plates pixelated); the original is never stored
    jpeg           bytea NOT NULL,
    -- smaller JPEG of the anonymised image with the damage map drawn over it
    overlay        bytea NOT NULL,
    UNIQUE (municipality, sha256)
);

CREATE TABLE maintenance_item (
    id                  bigserial PRIMARY KEY,
    municipality        char(8) NOT NULL REFERENCES municipality,
    kind                text NOT NULL,
    segment_id          text NOT NULL,
    section             integer NOT NULL,
    latitude            double precision NOT NULL,
    longitude           double precision NOT NULL,
    status              text NOT NULL,
    grade               numeric(2, 1) NOT NULL,
    largest_pothole_m2  double precision NOT NULL,
    confidence          double precision NOT NULL,
    first_seen          timestamptz NOT NULL,
    last_seen           timestamptz NOT NULL,
    assignee            text,
    scheduled_for       date,
    crew                text,
    FOREIGN KEY (municipality, segment_id) REFERENCES road_segment
);
CREATE INDEX maintenance_item_place ON maintenance_item (municipality, segment_id, section);

CREATE TABLE detection (
    id           bigserial PRIMARY KEY,
    municipality char(8) NOT NULL REFERENCES municipality,
    image_id     bigint NOT NULL REFERENCES survey_image,
    kind         text NOT NULL,
    area_m2      double precision NOT NULL,
    confidence   double precision NOT NULL,
    latitude     double precision NOT NULL,
    longitude    double precision NOT NULL,
    -- null when no road of the municipality lies within the snap tolerance: listed as unmatched
    segment_id   text,
    section      integer,
    offset_m     double precision,
    -- where in the image, in pixels: for the labelled data set
    box_x        integer NOT NULL,
    box_y        integer NOT NULL,
    box_w        integer NOT NULL,
    box_h        integer NOT NULL,
    item_id      bigint REFERENCES maintenance_item
);
CREATE INDEX detection_item ON detection (item_id);
CREATE INDEX detection_unmatched ON detection (municipality) WHERE segment_id IS NULL;

CREATE TABLE item_event (
    id           bigserial PRIMARY KEY,
    municipality char(8) NOT NULL REFERENCES municipality,
    item_id      bigint NOT NULL REFERENCES maintenance_item,
    at           timestamptz NOT NULL,
    who          text NOT NULL,
    action       text NOT NULL,
    from_status  text,
    to_status    text,
    detail       text
);
CREATE INDEX item_event_item ON item_event (item_id, at);

CREATE TABLE item_comment (
    id           bigserial PRIMARY KEY,
    municipality char(8) NOT NULL REFERENCES municipality,
    item_id      bigint NOT NULL REFERENCES maintenance_item,
    at           timestamptz NOT NULL,
    who          text NOT NULL,
    text         text NOT NULL
);

-- The four Saarland model municipalities, with a box around each (approximate, from their town centres).
INSERT INTO municipality (ags, name, min_lat, min_lon, max_lat, max_lon) VALUES
    ('10045111', 'Bexbach',  49.30, 7.19, 49.40, 7.33),
    ('10042114', 'Mettlach', 49.43, 6.48, 49.56, 6.67),
    ('10044113', 'Nalbach',  49.33, 6.72, 49.42, 6.84),
    ('10046118', 'Tholey',   49.43, 6.96, 49.54, 7.13);
