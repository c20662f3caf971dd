package org.roadpulse.agent.source;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.support.TrafficData;
import org.roadpulse.protocol.Limits;
import org.roadpulse.protocol.ClassScheme;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.LaneInterval;
import org.roadpulse.protocol.VehicleClass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BastHourlySourceTest {

    private static List<MeasuredInterval> year;
    private static long skippedHours;

    @BeforeAll
    static void readTheWholeYear() throws IOException {
        Path file = TrafficData.bastZst5651();
        year = new ArrayList<>();
        try (BastHourlySource source = new BastHourlySource(file)) {
            for (Optional<MeasuredInterval> next = source.next(); next.isPresent(); next = source.next()) {
                year.add(next.get());
            }
            skippedHours = source.skippedHours();
            assertThat(source.malformedRows()).isZero();
        }
    }

    private static MeasuredInterval at(String utc) {
        Instant start = Instant.parse(utc);
        return year.stream().filter(i -> i.start().equals(start)).findFirst().orElse(null);
    }

    private static LaneInterval direction(MeasuredInterval interval, Direction direction) {
        return interval.lanes().stream().filter(l -> l.direction() == direction).findFirst().orElseThrow();
    }

    @Test
    void readsEveryHourOfTheYearExceptTheOneThatDidNotExist() {
        // 8,760 rows; the spring DST gap hour (28 March, 02:00-03:00) did not happen and is skipped
        assertThat(year).hasSize(8759);
        assertThat(skippedHours).isEqualTo(1);
        assertThat(year).allSatisfy(interval -> {
            assertThat(interval.lengthSeconds()).isEqualTo(3600);
            assertThat(interval.scheme()).isEqualTo(ClassScheme.TLS_8_1);
            assertThat(interval.start().getEpochSecond() % 3600).isZero();
        });
    }

    @Test
    void hourOneIsMidnightToOneLocalTime() {
        // Hour 01 of 1 January 2021 is 00:00-01:00 CET = 23:00 UTC on 31 December
        assertThat(year.get(0).start()).isEqualTo(Instant.parse("2020-12-31T23:00:00Z"));
        // Hour 24 of 31 December is 23:00-24:00 CET
        assertThat(year.get(year.size() - 1).start()).isEqualTo(Instant.parse("2021-12-31T22:00:00Z"));
    }

    @Test
    void mapsTheSpringDstDayWithoutAGap() {
        // 28 March 2021: hour 02 = 01:00 CET = 00:00 UTC; hour 03 does not exist; hour 04 = 03:00 CEST = 01:00 UTC
        assertThat(at("2021-03-28T00:00:00Z")).isNotNull();
        assertThat(at("2021-03-28T01:00:00Z")).isNotNull();
        assertThat(direction(at("2021-03-28T00:00:00Z"), Direction.FORWARD).total()).isEqualTo(149);
        assertThat(direction(at("2021-03-28T01:00:00Z"), Direction.FORWARD).total()).isEqualTo(119);
    }

    @Test
    void mapsTheAutumnDstRowToTheFirstOfTheTwoHoursAndLeavesTheSecondMissing() {
        // 31 October 2021: hour 03 (02:00-03:00, which happened twice) is taken as summer time = 00:00 UTC;
        // the winter-time repeat (01:00 UTC) has no row and stays missing, not zero; hour 04 = 03:00 CET = 02:00 UTC
        assertThat(direction(at("2021-10-31T00:00:00Z"), Direction.FORWARD).total()).isEqualTo(210);
        assertThat(at("2021-10-31T01:00:00Z")).isNull();
        assertThat(direction(at("2021-10-31T02:00:00Z"), Direction.FORWARD).total()).isEqualTo(243);
    }

    @Test
    void mapsBastClassesToTls8Plus1() {
        // Row 1, direction 1: Pkw 117, Lfw 5, Mot 0, PmA 0, Bus 1, LoA 3, Lzg 3 of which Sat 3, Son 0
        LaneInterval forward = direction(year.get(0), Direction.FORWARD);
        assertThat(forward.lane()).isEqualTo(Limits.WHOLE_DIRECTION);
        assertThat(forward.count(VehicleClass.PKW)).isEqualTo(117);
        assertThat(forward.count(VehicleClass.LFW)).isEqualTo(5);
        assertThat(forward.count(VehicleClass.KRAD)).isZero();
        assertThat(forward.count(VehicleClass.PKW_A)).isZero();
        assertThat(forward.count(VehicleClass.BUS)).isEqualTo(1);
        assertThat(forward.count(VehicleClass.LKW)).isEqualTo(3);
        assertThat(forward.count(VehicleClass.LKW_A)).isZero();
        assertThat(forward.count(VehicleClass.SATTEL_KFZ)).isEqualTo(3);
        assertThat(forward.count(VehicleClass.NK_KFZ)).isZero();
        assertThat(forward.meanSpeedKmh()).isNull();
        assertThat(forward.speedHistogram()).isNull();
    }

    @Test
    void everyIntervalAddsUpToBastsOwnTotalsPerDirection() throws IOException {
        // GIVEN BASt's group columns KFZ (all) and Lkw (heavy = Bus + LoA + Lzg) for every row of the file
        Map<String, int[]> totals = bastTotals(TrafficData.bastZst5651());
        // THEN every interval's totals and heavy counts per direction equal them
        for (MeasuredInterval interval : year) {
            int[] expected = totals.get(interval.start().toString());
            assertThat(expected).as("BASt row for %s", interval.start()).isNotNull();
            LaneInterval forward = direction(interval, Direction.FORWARD);
            LaneInterval backward = direction(interval, Direction.BACKWARD);
            assertThat(new int[]{forward.total(), backward.total(), forward.heavy(), backward.heavy()})
                    .as("totals at %s", interval.start()).containsExactly(expected);
        }
    }

    @Test
    void skipsARowThatDoesNotParseAndGoesOn(@TempDir Path dir) throws IOException {
        // GIVEN a file whose first data row is cut short
        Path file = dir.resolve("broken.csv");
        List<String> lines = Files.readAllLines(TrafficData.bastZst5651(), StandardCharsets.ISO_8859_1);
        Files.write(file, List.of(lines.get(0), lines.get(1).substring(0, 40), lines.get(2)), StandardCharsets.ISO_8859_1);
        // WHEN it is read
        try (BastHourlySource source = new BastHourlySource(file)) {
            Optional<MeasuredInterval> first = source.next();
            // THEN the broken row is counted and the next one comes out (hour 02 = 00:00 UTC)
            assertThat(first).isPresent();
            assertThat(first.get().start()).isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
            assertThat(source.malformedRows()).isEqualTo(1);
        }
    }

    @Test
    void hourStartFollowsEuropeBerlin() {
        assertThat(BastHourlySource.hourStart(LocalDate.of(2021, 3, 28), 3)).isEmpty();
        assertThat(BastHourlySource.hourStart(LocalDate.of(2021, 7, 1), 1).orElseThrow().toInstant())
                .isEqualTo(Instant.parse("2021-06-30T22:00:00Z"));
    }

    /** UTC hour start → {KFZ_R1, KFZ_R2, Lkw_R1, Lkw_R2}, read from the raw file independently of the source. */
    private static Map<String, int[]> bastTotals(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        List<String> header = List.of(lines.get(0).split(";"));
        Map<String, int[]> totals = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";");
            LocalDate date = LocalDate.parse("20" + f[header.indexOf("Datum")].trim(),
                    java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            int hour = Integer.parseInt(f[header.indexOf("Stunde")].trim());
            BastHourlySource.hourStart(date, hour).ifPresent(start -> totals.put(start.toInstant().toString(),
                    new int[]{value(f, header, "KFZ_R1"), value(f, header, "KFZ_R2"), value(f, header, "Lkw_R1"),
                            value(f, header, "Lkw_R2")}));
        }
        return totals;
    }

    private static int value(String[] fields, List<String> header, String column) {
        return Integer.parseInt(fields[header.indexOf(column)].trim());
    }
}
