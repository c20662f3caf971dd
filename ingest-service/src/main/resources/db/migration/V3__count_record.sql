-- Counts per (device, interval, lane, direction), the time series planners query.
--
-- Vehicle classes: one column per class of every scheme. A row fills the columns of its device's scheme (a class
-- of the scheme that the payload left out is 0) and leaves the others NULL: coarser schemes fill their group
-- columns, and nothing finer than what was measured is ever invented. total = all vehicles, heavy = Schwerverkehr.
-- speed_hist holds vehicles per speed bin of speed_bin_kmh km/h, so V85 can be computed over any period.
--
-- Time partitioning: a TimescaleDB hypertable where the extension can be used; otherwise declarative range
-- partitions by month, created on demand by the writer (storage.MonthlyPartitions), with a default partition as a
-- safety net for rows written by other means.
DO $migration$
DECLARE
    columns CONSTANT text := $columns$
        device_id        text COLLATE "C" NOT NULL,
        seq              bigint      NOT NULL,
        interval_start   timestamptz NOT NULL,
        length_s         integer     NOT NULL,
        lane             smallint    NOT NULL,
        direction        text        NOT NULL CHECK (direction IN ('forward', 'backward')),
        scheme           text        NOT NULL,
        krad             integer,
        pkw              integer,
        lfw              integer,
        pkw_a            integer,
        lkw              integer,
        lkw_a            integer,
        sattel_kfz       integer,
        bus              integer,
        pkw_gruppe       integer,
        lkw_a_sattel_kfz integer,
        pkw_aehnlich     integer,
        lkw_aehnlich     integer,
        nk_kfz           integer,
        total            integer     NOT NULL,
        heavy            integer     NOT NULL,
        mean_speed       real,
        v85              real,
        speed_bin_kmh    smallint,
        speed_hist       integer[],
        occupancy        real
    $columns$;
    timescale boolean := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')
        OR (EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
            AND current_setting('shared_preload_libraries') LIKE '%timescaledb%');
BEGIN
    IF timescale THEN
        CREATE EXTENSION IF NOT EXISTS timescaledb;
        EXECUTE format('CREATE TABLE count_record (%s)', columns);
        EXECUTE $sql$SELECT create_hypertable('count_record', 'interval_start',
                                              chunk_time_interval => interval '7 days')$sql$;
    ELSE
        EXECUTE format('CREATE TABLE count_record (%s) PARTITION BY RANGE (interval_start)', columns);
        CREATE TABLE count_record_default PARTITION OF count_record DEFAULT;
    END IF;
END
$migration$;

CREATE INDEX count_record_device_interval ON count_record (device_id, interval_start);
