package org.roadpulse.ingest.flow.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.flow.Bucket;
import org.roadpulse.ingest.flow.ClassGroup;
import org.roadpulse.ingest.flow.FlowQuery;
import org.roadpulse.ingest.flow.Split;
import org.roadpulse.ingest.sites.MeasurementSite;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.ingest.flow.export.ExportFixtures.AWKWARD_NAME;
import static org.roadpulse.ingest.flow.export.ExportFixtures.EINBAHN;
import static org.roadpulse.ingest.flow.export.ExportFixtures.RATHAUS;

/** The CSV exports, parsed back: every cell where a spreadsheet would find it. */
class CsvExportTest {

    private static final List<String> DAILY_HEADER = List.of("site", "name", "direction", "start", "end",
            "Krad", "Pkw", "Lfw", "PkwA", "Lkw", "LkwA", "SattelKfz", "Bus", "nkKfz",
            "total", "heavy", "coarser", "heavyShare", "meanSpeedKmh", "v85Kmh",
            "measuredSeconds", "expectedSeconds", "completenessRatio", "complete");

    @Test
    void volumesHaveOneRowPerSiteDirectionAndBucketUnderTheQueriedCategories() throws IOException {
        // GIVEN three daily series of four days, asked for in 8+1
        // WHEN exported as RFC 4180 CSV
        List<CSVRecord> rows = parse(volumes(CsvDialect.COMMA), CSVFormat.RFC4180);

        // THEN the header names the 8+1 categories between the times and the totals, and 12 rows follow
        assertThat(rows.get(0).toList()).isEqualTo(DAILY_HEADER);
        assertThat(rows).hasSize(1 + 12);
    }

    @Test
    void theDstDayRunsFromOffsetOneToOffsetTwoAndKeepsEveryValue() throws IOException {
        // GIVEN Rathausstraße forward on 28 March 2021, a 23-hour day
        // WHEN exported as RFC 4180 CSV
        CSVRecord dstDay = parse(volumes(CsvDialect.COMMA), CSVFormat.RFC4180).get(2);

        // THEN the local start and end carry their offsets, and every count and figure is in its column
        assertThat(dstDay.toList()).containsExactly(RATHAUS.id(), AWKWARD_NAME, "forward",
                "2021-03-28T00:00:00+01:00", "2021-03-29T00:00:00+02:00",
                "35", "2760", "276", "46", "110", "55", "73", "28", "17",
                "3400", "266", "0", "7.8", "48.0", "56.0",
                "82800", "82800", "1.0000", "true");
    }

    @Test
    void anUnmeasuredBucketIsEmptyCellsNotZeros() throws IOException {
        // GIVEN Rathausstraße forward on 30 March, nothing measured
        // WHEN exported
        CSVRecord gap = parse(volumes(CsvDialect.COMMA), CSVFormat.RFC4180).get(4);

        // THEN counts, coarser, shares and speeds are empty; the completeness says why
        assertThat(gap.toList()).containsExactly(RATHAUS.id(), AWKWARD_NAME, "forward",
                "2021-03-30T00:00:00+02:00", "2021-03-31T00:00:00+02:00",
                "", "", "", "", "", "", "", "", "",
                "", "", "", "", "", "",
                "0", "86400", "0.0000", "false");
    }

    @Test
    void aHalfMeasuredBucketSaysSoAndLacksTheV85ItHasNoHistogramFor() throws IOException {
        CSVRecord half = parse(volumes(CsvDialect.COMMA), CSVFormat.RFC4180).get(3);

        assertThat(half.get("total")).isEqualTo("1850");
        assertThat(half.get("v85Kmh")).isEmpty();
        assertThat(half.get("completenessRatio")).isEqualTo("0.5000");
        assertThat(half.get("complete")).isEqualTo("false");
    }

    @Test
    void vehiclesCountedAtACoarserSchemeAreCoarserNotSpreadOverClasses() throws IOException {
        // GIVEN the Einbahnstraße, whose device counts 2+1, asked for in 8+1
        // WHEN exported
        CSVRecord coarser = parse(volumes(CsvDialect.COMMA), CSVFormat.RFC4180).get(9);

        // THEN no 8+1 category has a value, and all of its vehicles are coarser
        assertThat(coarser.get("site")).isEqualTo(EINBAHN.id());
        for (String category : DAILY_HEADER.subList(5, 14)) {
            assertThat(coarser.get(category)).as(category).isEmpty();
        }
        assertThat(coarser.get("total")).isEqualTo("1200");
        assertThat(coarser.get("coarser")).isEqualTo("1200");
        assertThat(coarser.get("heavyShare")).isEqualTo("8.3");
    }

    @Test
    void hoursAcrossTheDstJumpAndTheCrossSectionHaveAnEmptyDirection() throws IOException {
        // GIVEN the cross-section in 2+1 for the two UTC hours around the spring jump
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExport(CsvDialect.COMMA).writeVolumes(ExportFixtures.hourlyQuery(), ExportFixtures.hourlySeries(), out);
        List<CSVRecord> rows = parse(out.toString(StandardCharsets.UTF_8), CSVFormat.RFC4180);

        // THEN local 01:00 (+01:00) is followed by 03:00 (+02:00), under the 2+1 categories
        assertThat(rows.get(0).toList()).containsSubsequence("end", "PkwAehnlich", "LkwAehnlich", "nkKfz", "total");
        assertThat(rows.get(1).toList()).startsWith(RATHAUS.id(), AWKWARD_NAME, "",
                "2021-03-28T01:00:00+01:00", "2021-03-28T03:00:00+02:00", "30", "4", "1", "35");
        assertThat(rows.get(2).toList()).startsWith(RATHAUS.id(), AWKWARD_NAME, "",
                "2021-03-28T03:00:00+02:00", "2021-03-28T04:00:00+02:00");
    }

    @Test
    void rfc4180QuotesTheNameWithItsQuotesDoubledAndEndsLinesWithCrLf() throws IOException {
        String csv = volumes(CsvDialect.COMMA);

        assertThat(csv).doesNotStartWith("\uFEFF");
        assertThat(csv).contains(",\"Rathausstraße \"\"Alte Ölmühle\"\"; Höhe Nr. 5, Bexbach\",forward,");
        assertThat(csv).contains("\r\n").doesNotContain("\n\n");
    }

    @Test
    void theSemicolonVariantHasAByteOrderMarkSemicolonsAndDecimalCommas() throws IOException {
        // GIVEN the daily series
        // WHEN exported for German spreadsheets
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExport(CsvDialect.SEMICOLON).writeVolumes(ExportFixtures.dailyQuery(), ExportFixtures.dailySeries(),
                out);
        byte[] bytes = out.toByteArray();

        // THEN it starts with the UTF-8 byte order mark
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        // AND parsed with ';' the cells are those of the comma variant, with decimal commas
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = parse(text, CSVFormat.RFC4180.builder().setDelimiter(';').get());
        assertThat(rows.get(0).toList()).isEqualTo(DAILY_HEADER);
        assertThat(rows.get(1).toList()).containsExactly(RATHAUS.id(), AWKWARD_NAME, "forward",
                "2021-03-27T00:00:00+01:00", "2021-03-28T00:00:00+01:00",
                "40", "3000", "300", "50", "120", "60", "80", "30", "20",
                "3700", "290", "0", "7,8", "47,3", "55,6",
                "86400", "86400", "1,0000", "true");
        // AND only the name, which holds a ';', needs quotes
        assertThat(text).contains(";\"Rathausstraße \"\"Alte Ölmühle\"\"; Höhe Nr. 5, Bexbach\";forward;");
        assertThat(text).contains(";Homburg Einbahnstraße;forward;");
    }

    @Test
    void figuresHaveEveryStandardFigureOfASiteAndDirection() throws IOException {
        // GIVEN the year's figures of Rathausstraße's cross-section
        // WHEN exported in both variants
        ByteArrayOutputStream comma = new ByteArrayOutputStream();
        new CsvExport(CsvDialect.COMMA).writeFigures(List.of(RATHAUS, EINBAHN), ExportFixtures.figures(), comma);
        List<CSVRecord> rows = parse(comma.toString(StandardCharsets.UTF_8), CSVFormat.RFC4180);

        // THEN each value is in its column, rounded for reading
        assertThat(rows.get(0).toList()).containsExactly("site", "name", "direction", "from", "to", "days",
                "completeDays", "completeWorkdays", "dtv", "dtvw", "dtvSv", "svShare", "msv", "peakHourVolume",
                "peakHourSharePercent", "peakHourTypical", "dayVolume", "daySvShare", "nightVolume", "nightSvShare",
                "meanSpeedKmh", "v50Kmh", "v85Kmh", "aboveLimitPercent", "measuredSeconds", "expectedSeconds",
                "completenessRatio", "complete");
        assertThat(rows.get(1).toList()).containsExactly(RATHAUS.id(), AWKWARD_NAME, "",
                "2021-01-01T00:00:00+01:00", "2022-01-01T00:00:00+01:00", "365", "300", "210",
                "6543.2", "7012.5", "510.0", "7.8", "812", "620.5", "9.5", "16",
                "5900.3", "7.1", "643.0", "12.4", "47.3", "46.0", "55.6", "12.5",
                "51840000", "63072000", "0.8219", "false");
        // AND a site without a complete day has empty figures, not zeros
        assertThat(rows.get(3).toList()).containsExactly(EINBAHN.id(), "Homburg Einbahnstraße", "forward",
                "2021-03-27T00:00:00+01:00", "2021-03-31T00:00:00+02:00", "4", "0", "0",
                "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                "0", "342000", "0.0000", "false");
    }

    @Test
    void germanFiguresUseDecimalCommas() throws IOException {
        ByteArrayOutputStream semicolon = new ByteArrayOutputStream();
        new CsvExport(CsvDialect.SEMICOLON).writeFigures(List.of(RATHAUS), ExportFixtures.figures(), semicolon);
        byte[] bytes = semicolon.toByteArray();
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);

        CSVRecord year = parse(text, CSVFormat.RFC4180.builder().setDelimiter(';').get()).get(1);
        assertThat(year.get("dtv")).isEqualTo("6543,2");
        assertThat(year.get("completenessRatio")).isEqualTo("0,8219");
        assertThat(year.get("name")).isEqualTo(AWKWARD_NAME);
    }

    @Test
    void aSiteNameASpreadsheetWouldRunAsAFormulaIsWrittenAsTextAndNumbersStayNumbers() throws IOException {
        // GIVEN the Rathausstraße site renamed to a formula
        MeasurementSite formula = new MeasurementSite(RATHAUS.id(), RATHAUS.municipality(),
                "=HYPERLINK(\"http://evil.example\";\"click\")", null, null, RATHAUS.latitude(),
                RATHAUS.longitude(), 1, 1, null, null, 50, List.of(RATHAUS.id()));
        FlowQuery query = new FlowQuery(List.of(formula, EINBAHN), ExportFixtures.DST_DAYS, Bucket.DAY,
                Split.DIRECTION, ClassGroup.TLS_8_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // WHEN its volumes are exported
        new CsvExport(CsvDialect.COMMA).writeVolumes(query, ExportFixtures.dailySeries(), out);
        // THEN the name starts with an apostrophe, and the counts are plain numbers
        CSVRecord first = parse(out.toString(StandardCharsets.UTF_8), CSVFormat.RFC4180).get(1);
        assertThat(first.get("name")).isEqualTo("'=HYPERLINK(\"http://evil.example\";\"click\")");
        assertThat(first.get("Pkw")).isEqualTo("3000");
    }

    @Test
    void everyFormulaLeadIsDefusedAndOrdinaryTextIsLeftAlone() {
        for (String lead : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(SpreadsheetText.defused(lead + "1+2")).isEqualTo("'" + lead + "1+2");
        }
        assertThat(SpreadsheetText.defused("Rathausstraße - Höhe 5")).isEqualTo("Rathausstraße - Höhe 5");
        assertThat(SpreadsheetText.defused("")).isEmpty();
        assertThat(SpreadsheetText.defused(null)).isNull();
    }

    @Test
    void theCallersStreamIsFlushedButLeftOpen() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean[] closed = {false};
        FilterOutputStream out = new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        new CsvExport(CsvDialect.COMMA).writeVolumes(ExportFixtures.dailyQuery(), ExportFixtures.dailySeries(), out);

        assertThat(closed[0]).isFalse();
        assertThat(bytes.size()).isPositive();
    }

    @Test
    void dialectsAreChosenByTheirWireNames() {
        assertThat(CsvDialect.fromWireName("semicolon")).contains(CsvDialect.SEMICOLON);
        assertThat(CsvDialect.fromWireName("comma")).contains(CsvDialect.COMMA);
        assertThat(CsvDialect.fromWireName("tab")).isEmpty();
    }

    private static String volumes(CsvDialect dialect) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExport(dialect).writeVolumes(ExportFixtures.dailyQuery(), ExportFixtures.dailySeries(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** All records, the header first; a record's cells can also be read by the header's names. */
    private static List<CSVRecord> parse(String csv, CSVFormat format) throws IOException {
        List<CSVRecord> all = CSVParser.parse(new StringReader(csv), format).getRecords();
        List<String> header = all.get(0).toList();
        List<CSVRecord> named = CSVParser.parse(new StringReader(csv),
                format.builder().setHeader(header.toArray(String[]::new)).get()).getRecords();
        return named;
    }
}
