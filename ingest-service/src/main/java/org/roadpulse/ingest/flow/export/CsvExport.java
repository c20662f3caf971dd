package org.roadpulse.ingest.flow.export;

import io.micronaut.core.annotation.Nullable;
import org.apache.commons.csv.CSVPrinter;
import org.roadpulse.ingest.flow.Completeness;
import org.roadpulse.ingest.flow.FlowQuery;
import org.roadpulse.ingest.flow.StandardFigures;
import org.roadpulse.ingest.flow.VolumeBucket;
import org.roadpulse.ingest.flow.VolumeSeries;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.protocol.Direction;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Volume series and standard figures as CSV for spreadsheets, in UTF-8. Volumes have one row per site, direction
 * and bucket, figures one per site and direction. An empty cell is a value that was not measured or cannot be
 * computed, never a zero. Times are local date-times with their offset in the period's zone, so the DST days read
 * as planners count them. Decimals are rounded to what a planner reads (one place for volumes, shares and speeds,
 * four for the completeness ratio). Site ids and names are typed by people: {@link SpreadsheetText} keeps a
 * spreadsheet from running one as a formula.
 *
 * <p>Rows are written as they are produced, so a long series streams; the stream is flushed, not closed.
 */
public final class CsvExport {

    private static final List<String> VOLUME_COLUMNS = List.of("total", "heavy", "coarser", "heavyShare",
            "meanSpeedKmh", "v85Kmh", "measuredSeconds", "expectedSeconds", "completenessRatio", "complete");
    private static final List<String> FIGURE_COLUMNS = List.of("site", "name", "direction", "from", "to", "days",
            "completeDays", "completeWorkdays", "dtv", "dtvw", "dtvSv", "svShare", "msv", "peakHourVolume",
            "peakHourSharePercent", "peakHourTypical", "dayVolume", "daySvShare", "nightVolume", "nightSvShare",
            "meanSpeedKmh", "v50Kmh", "v85Kmh", "aboveLimitPercent", "measuredSeconds", "expectedSeconds",
            "completenessRatio", "complete");

    private final CsvDialect dialect;

    public CsvExport(CsvDialect dialect) {
        this.dialect = dialect;
    }

    /** {@code GET /api/v1/flow/volumes.csv}: one column per category of the query's class group. */
    public void writeVolumes(FlowQuery query, List<VolumeSeries> series, OutputStream out) throws IOException {
        Map<String, MeasurementSite> sites = byId(query.sites());
        ZoneId zone = query.period().zone();
        List<String> categories = List.copyOf(query.classes().categories().keySet());
        List<String> header = new ArrayList<>(List.of("site", "name", "direction", "start", "end"));
        header.addAll(categories);
        header.addAll(VOLUME_COLUMNS);
        write(out, header, csv -> {
            for (VolumeSeries one : series) {
                for (VolumeBucket bucket : one.buckets()) {
                    csv.printRecord(volumeRow(one, bucket, sites, zone, categories));
                }
            }
        });
    }

    /** {@code GET /api/v1/flow/figures.csv}: every standard figure, one row per site and direction. */
    public void writeFigures(List<MeasurementSite> sites, List<StandardFigures> figures, OutputStream out)
            throws IOException {
        Map<String, MeasurementSite> byId = byId(sites);
        write(out, FIGURE_COLUMNS, csv -> {
            for (StandardFigures one : figures) {
                csv.printRecord(figureRow(one, byId));
            }
        });
    }

    private List<String> volumeRow(VolumeSeries series, VolumeBucket bucket, Map<String, MeasurementSite> sites,
                                   ZoneId zone, List<String> categories) {
        List<String> row = new ArrayList<>();
        row.add(SpreadsheetText.defused(series.siteId()));
        row.add(name(sites, series.siteId()));
        row.add(direction(series.direction()));
        row.add(localTime(bucket.start(), zone));
        row.add(localTime(bucket.end(), zone));
        for (String category : categories) {
            row.add(integer(bucket.volumes().get(category)));
        }
        row.add(integer(bucket.total()));
        row.add(integer(bucket.heavy()));
        // coarser is a primitive 0 in a bucket with nothing measured: that is a gap, not "no coarser vehicles".
        row.add(bucket.measured() ? Long.toString(bucket.coarser()) : null);
        row.add(decimal(bucket.heavyShare(), 1));
        row.add(decimal(bucket.meanSpeedKmh(), 1));
        row.add(decimal(bucket.v85Kmh(), 1));
        addCompleteness(row, bucket.completeness());
        return row;
    }

    private List<String> figureRow(StandardFigures figures, Map<String, MeasurementSite> sites) {
        ZoneId zone = figures.period().zone();
        List<String> row = new ArrayList<>();
        row.add(SpreadsheetText.defused(figures.siteId()));
        row.add(name(sites, figures.siteId()));
        row.add(direction(figures.direction()));
        row.add(localTime(figures.period().from(), zone));
        row.add(localTime(figures.period().to(), zone));
        row.add(Integer.toString(figures.days()));
        row.add(Integer.toString(figures.completeDays()));
        row.add(Integer.toString(figures.completeWorkdays()));
        row.add(decimal(figures.dtv(), 1));
        row.add(decimal(figures.dtvw(), 1));
        row.add(decimal(figures.dtvSv(), 1));
        row.add(decimal(figures.svShare(), 1));
        row.add(integer(figures.msv()));
        row.add(decimal(figures.peakHour().meanVolume(), 1));
        row.add(decimal(figures.peakHour().meanSharePercent(), 1));
        row.add(figures.peakHour().typicalHour() == null ? null : figures.peakHour().typicalHour().toString());
        row.add(decimal(figures.dayNight().dayVolume(), 1));
        row.add(decimal(figures.dayNight().daySvShare(), 1));
        row.add(decimal(figures.dayNight().nightVolume(), 1));
        row.add(decimal(figures.dayNight().nightSvShare(), 1));
        row.add(decimal(figures.speed().meanKmh(), 1));
        row.add(decimal(figures.speed().v50Kmh(), 1));
        row.add(decimal(figures.speed().v85Kmh(), 1));
        row.add(decimal(figures.speed().aboveLimitPercent(), 1));
        addCompleteness(row, figures.completeness());
        return row;
    }

    private void addCompleteness(List<String> row, Completeness completeness) {
        row.add(Long.toString(completeness.measuredSeconds()));
        row.add(Long.toString(completeness.expectedSeconds()));
        row.add(decimal(completeness.ratio(), 4));
        row.add(Boolean.toString(completeness.complete()));
    }

    private interface Rows {
        void printTo(CSVPrinter csv) throws IOException;
    }

    private void write(OutputStream out, List<String> header, Rows rows) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        if (dialect.byteOrderMark()) {
            writer.write('\uFEFF');
        }
        // Not closed: closing the printer would close the caller's stream.
        CSVPrinter csv = new CSVPrinter(writer, dialect.format());
        csv.printRecord(header);
        rows.printTo(csv);
        csv.flush();
    }

    private @Nullable String decimal(@Nullable Double value, int scale) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        String plain = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
        return plain.replace('.', dialect.decimalSeparator());
    }

    private static @Nullable String integer(@Nullable Long value) {
        return value == null ? null : value.toString();
    }

    private static String direction(@Nullable Direction direction) {
        return direction == null ? "" : direction.wireName();
    }

    private static String localTime(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String name(Map<String, MeasurementSite> sites, String siteId) {
        MeasurementSite site = sites.get(siteId);
        return site == null ? "" : SpreadsheetText.defused(site.name());
    }

    private static Map<String, MeasurementSite> byId(List<MeasurementSite> sites) {
        return sites.stream().collect(Collectors.toMap(MeasurementSite::id, Function.identity(), (a, b) -> a));
    }
}
