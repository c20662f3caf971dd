package org.roadpulse.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.roadpulse.ingest.flow.Completeness;
import org.roadpulse.ingest.flow.Period;
import org.roadpulse.ingest.flow.StandardFigures;
import org.roadpulse.ingest.flow.VolumeBucket;
import org.roadpulse.ingest.flow.VolumeSeries;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the flow API (docs/flow-history.md). Times are local date-times with their offset, so a planner reads
 * 2021-03-28T03:00+02:00, not UTC. Nulls are written out: an unmeasured value is shown as such, not left out.
 */
final class FlowReplies {

    private FlowReplies() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PeriodReply(String from, String to, String zone) {
        static PeriodReply of(Period period) {
            return new PeriodReply(local(period.from(), period.zone()), local(period.to(), period.zone()),
                    period.zone().getId());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CompletenessReply(long measuredSeconds, long expectedSeconds, double ratio, boolean complete) {
        static CompletenessReply of(Completeness completeness) {
            return new CompletenessReply(completeness.measuredSeconds(), completeness.expectedSeconds(),
                    Math.round(completeness.ratio() * 10_000) / 10_000.0, completeness.complete());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BucketReply(String start, String end, Map<String, Long> volumes, @Nullable Long total,
                       @Nullable Long heavy, long coarser, @Nullable Double heavyShare,
                       @Nullable Double meanSpeedKmh, @Nullable Double v85Kmh, CompletenessReply completeness) {
        static BucketReply of(VolumeBucket bucket, ZoneId zone) {
            return new BucketReply(local(bucket.start(), zone), local(bucket.end(), zone), bucket.volumes(),
                    bucket.total(), bucket.heavy(), bucket.coarser(), round(bucket.heavyShare()),
                    round(bucket.meanSpeedKmh()), round(bucket.v85Kmh()), CompletenessReply.of(bucket.completeness()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SeriesReply(String site, @Nullable String direction, List<BucketReply> buckets) {
        static SeriesReply of(VolumeSeries series, ZoneId zone) {
            return new SeriesReply(series.siteId(), series.direction() == null ? null : series.direction().wireName(),
                    series.buckets().stream().map(b -> BucketReply.of(b, zone)).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record VolumesReply(PeriodReply period, String bucket, String classes, List<String> categories,
                        List<SeriesReply> series) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PeakHourReply(@Nullable Double meanVolume, @Nullable Double meanSharePercent,
                         @Nullable Integer typicalHour) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DayNightReply(@Nullable Double dayVolume, @Nullable Double daySvShare, @Nullable Double nightVolume,
                         @Nullable Double nightSvShare) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SpeedReply(@Nullable Double meanKmh, @Nullable Double v50Kmh, @Nullable Double v85Kmh,
                      @Nullable Double aboveLimitPercent) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FigureReply(String site, @Nullable String direction, int days, int completeDays, int completeWorkdays,
                       @Nullable Double dtv, @Nullable Double dtvw, @Nullable Double dtvSv, @Nullable Double svShare,
                       @Nullable Long msv, PeakHourReply peakHour, DayNightReply dayNight, SpeedReply speed,
                       CompletenessReply completeness, boolean complete) {
        static FigureReply of(StandardFigures f) {
            StandardFigures.PeakHour peak = f.peakHour();
            StandardFigures.DayNight dayNight = f.dayNight();
            StandardFigures.Speed speed = f.speed();
            return new FigureReply(f.siteId(), f.direction() == null ? null : f.direction().wireName(), f.days(),
                    f.completeDays(), f.completeWorkdays(), round(f.dtv()), round(f.dtvw()), round(f.dtvSv()),
                    round(f.svShare()), f.msv(),
                    new PeakHourReply(round(peak.meanVolume()), round(peak.meanSharePercent()), peak.typicalHour()),
                    new DayNightReply(round(dayNight.dayVolume()), round(dayNight.daySvShare()),
                            round(dayNight.nightVolume()), round(dayNight.nightSvShare())),
                    new SpeedReply(round(speed.meanKmh()), round(speed.v50Kmh()), round(speed.v85Kmh()),
                            round(speed.aboveLimitPercent())),
                    CompletenessReply.of(f.completeness()), f.complete());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FiguresReply(PeriodReply period, List<FigureReply> figures) {
    }

    static String local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().toString();
    }

    /** Two decimals are more than any count or share here is worth. */
    @Nullable
    static Double round(@Nullable Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
