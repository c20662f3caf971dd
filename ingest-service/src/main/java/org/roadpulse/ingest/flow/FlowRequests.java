package org.roadpulse.ingest.flow;

import io.micronaut.core.annotation.Nullable;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.ingest.sites.Sites;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Turns a planner's request parameters into a {@link FlowQuery}, refusing what cannot be answered with a reason
 * that names the parameter. Periods are local dates ({@code 2021-01-01}, the end exclusive) or date-times with an
 * offset ({@code 2021-03-28T00:00:00+01:00}).
 */
public final class FlowRequests {

    /** A series longer than this is no use in a chart or a spreadsheet; ask for a coarser bucket. */
    public static final long MAX_POINTS = 100_000;
    public static final int MAX_SITES = 500;

    private final Sites sites;
    private final ZoneId zone;

    public FlowRequests(Sites sites, ZoneId zone) {
        this.sites = sites;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public FlowQuery volumes(@Nullable String siteIds, @Nullable String from, @Nullable String to,
                             @Nullable String bucket, @Nullable String split, @Nullable String classes) {
        List<MeasurementSite> chosen = sites(siteIds);
        Period period = period(from, to);
        Bucket chosenBucket = bucket(bucket);
        long points = chosenBucket.estimatedPoints(period) * chosen.size();
        if (points > MAX_POINTS) {
            throw new FlowRequestException("bucket.too_fine", "bucket", String.format(
                    "%s buckets over this period and %d site(s) make about %,d points, more than %,d: "
                            + "choose a coarser bucket or a shorter period",
                    chosenBucket.wireName(), chosen.size(), points, MAX_POINTS));
        }
        return new FlowQuery(chosen, aligned(period, chosenBucket), chosenBucket, split(split), classes(classes));
    }

    /** The figures question; its period widened to whole local days, as figures are about days. */
    public FigureQuery figures(@Nullable String siteIds, @Nullable String from, @Nullable String to,
                               @Nullable String split, @Nullable String detail) {
        return new FigureQuery(sites(siteIds), wholeDays(period(from, to)), split(split), detail(detail));
    }

    /** The period widened to whole local days: figures are about days. */
    public Period wholeDays(Period period) {
        return aligned(period, Bucket.DAY);
    }

    /** The period widened to whole buckets, so that every bucket covers exactly what its rollup row does. */
    static Period aligned(Period period, Bucket bucket) {
        Instant from = bucket.floor(period.from(), period.zone());
        Instant lastStart = bucket.floor(period.to(), period.zone());
        Instant to = lastStart.equals(period.to()) ? lastStart : bucket.next(lastStart, period.zone());
        return new Period(from, to, period.zone());
    }

    public List<MeasurementSite> sites(@Nullable String siteIds) {
        if (siteIds == null || siteIds.isBlank()) {
            throw new FlowRequestException("sites.missing", "sites", "name at least one site: sites=<id>[,<id>...]");
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String id : siteIds.split(",")) {
            if (!id.isBlank()) {
                ids.add(id.trim());
            }
        }
        if (ids.size() > MAX_SITES) {
            throw new FlowRequestException("sites.too_many", "sites",
                    "at most " + MAX_SITES + " sites per request, not " + ids.size());
        }
        List<MeasurementSite> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            found.add(sites.find(id).orElseThrow(() -> new FlowRequestException("site.unknown", "sites",
                    "no measurement site '" + id + "'")));
        }
        if (found.isEmpty()) {
            throw new FlowRequestException("sites.missing", "sites", "name at least one site: sites=<id>[,<id>...]");
        }
        return found;
    }

    public Period period(@Nullable String from, @Nullable String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) {
            throw new FlowRequestException("period.invalid", "to", start.equals(end)
                    ? "the period is empty: 'to' (" + to + ") must be after 'from' (" + from + "); 'to' is exclusive"
                    : "the period is reversed: 'to' (" + to + ") is before 'from' (" + from + ")");
        }
        return new Period(start, end, zone);
    }

    public Split split(@Nullable String split) {
        if (split == null || split.isBlank()) {
            return Split.CROSS_SECTION;
        }
        return Split.fromWireName(split.trim()).orElseThrow(() -> new FlowRequestException("split.unknown", "split",
                "unknown split '" + split + "': use cross-section or direction"));
    }

    public Bucket bucket(@Nullable String bucket) {
        if (bucket == null || bucket.isBlank()) {
            return Bucket.HOUR;
        }
        return Bucket.fromWireName(bucket.trim()).orElseThrow(() -> new FlowRequestException("bucket.unknown",
                "bucket", "unknown bucket '" + bucket + "': use one of " + Bucket.wireNames()));
    }

    public FigureDetail detail(@Nullable String detail) {
        if (detail == null || detail.isBlank()) {
            return FigureDetail.ALL;
        }
        return FigureDetail.fromWireName(detail.trim()).orElseThrow(() -> new FlowRequestException("figures.unknown",
                "figures", "unknown figure set '" + detail + "': use all, or means (no MSV and peak hour, faster)"));
    }

    public ClassGroup classes(@Nullable String classes) {
        if (classes == null || classes.isBlank()) {
            return ClassGroup.TLS_8_1;
        }
        // "8+1" arrives as "8 1" when a planner types it into a URL unencoded.
        String name = classes.trim().replace(' ', '+');
        return ClassGroup.fromWireName(name).orElseThrow(() -> new FlowRequestException("classes.unknown",
                "classes", "unknown class group '" + classes + "': use one of " + ClassGroup.wireNames()));
    }

    private Instant instant(String parameter, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new FlowRequestException("period.missing", parameter,
                    "'" + parameter + "' is missing: a local date such as 2021-01-01 or a date-time with offset");
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new FlowRequestException("period.unparsable", parameter, "'" + parameter + "' is not a date ("
                    + "2021-01-01) or a date-time with offset (2021-01-01T06:00:00+01:00): '" + value + "'");
        }
    }
}
