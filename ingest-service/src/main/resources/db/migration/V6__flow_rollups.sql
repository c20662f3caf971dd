-- Hourly and daily rollups of count_record, what planners' queries read instead of the raw rows.
--
-- They are kept current by storage.Rollups: the writer marks every (device, UTC hour) it stored rows for in
-- rollup_dirty, in the same transaction as the rows, and the refresher recomputes those hours from count_record and
-- then the local days that contain them. Recomputing (not incrementing) makes a refresh idempotent and lets late
-- data land in its own hour and day. One refresher runs at a time across all instances (an advisory lock).
--
-- Classes: sums of the count_record columns; NULL where no row of the hour measured the class (coarser scheme).
-- measured_s: seconds of the hour covered by the device's intervals in that direction, for completeness.
-- speed_sum / speed_n: sum of mean speed x vehicles, and vehicles with a mean speed (for the weighted mean).
-- speed_hist: element-wise sum of the lanes' histograms when all share one bin width (NULL otherwise).
CREATE TABLE rollup_dirty (
    device_id text COLLATE "C" NOT NULL,
    hour      timestamptz      NOT NULL
);

CREATE TABLE count_hourly (
    device_id        text COLLATE "C" NOT NULL,
    hour             timestamptz NOT NULL,     -- start of the UTC hour (= one local hour: Germany's offsets are whole hours)
    direction        text        NOT NULL,
    measured_s       integer     NOT NULL,
    krad             bigint, pkw bigint, lfw bigint, pkw_a bigint, lkw bigint, lkw_a bigint, sattel_kfz bigint,
    bus              bigint, pkw_gruppe bigint, lkw_a_sattel_kfz bigint, pkw_aehnlich bigint, lkw_aehnlich bigint,
    nk_kfz           bigint,
    total            bigint      NOT NULL,
    heavy            bigint      NOT NULL,
    speed_sum        double precision,
    speed_n          bigint,
    speed_bin_kmh    smallint,
    speed_hist       bigint[],
    PRIMARY KEY (device_id, hour, direction)
);

-- day: the local calendar day (roadpulse.flow.zone, Europe/Berlin) of 23, 24 or 25 hours.
-- hour_totals, hour_heavy, hour_measured: the day's hours in order (index 1 = the hour starting at local midnight),
-- so that a year's figures (MSV, peak hours, day and night) come from 365 rows per direction instead of 8,760.
CREATE TABLE count_daily (
    device_id        text COLLATE "C" NOT NULL,
    day              date        NOT NULL,
    direction        text        NOT NULL,
    measured_s       integer     NOT NULL,
    krad             bigint, pkw bigint, lfw bigint, pkw_a bigint, lkw bigint, lkw_a bigint, sattel_kfz bigint,
    bus              bigint, pkw_gruppe bigint, lkw_a_sattel_kfz bigint, pkw_aehnlich bigint, lkw_aehnlich bigint,
    nk_kfz           bigint,
    total            bigint      NOT NULL,
    heavy            bigint      NOT NULL,
    speed_sum        double precision,
    speed_n          bigint,
    speed_bin_kmh    smallint,
    speed_hist       bigint[],
    hour_totals      integer[]   NOT NULL,
    hour_heavy       integer[]   NOT NULL,
    hour_measured    integer[]   NOT NULL,
    PRIMARY KEY (device_id, day, direction)
);

-- Rows stored before this migration: mark their hours, so the first refresh builds their rollups.
INSERT INTO rollup_dirty (device_id, hour)
SELECT DISTINCT device_id, date_bin('1 hour', interval_start, timestamptz '2000-01-01 00:00:00+00')
FROM count_record;
