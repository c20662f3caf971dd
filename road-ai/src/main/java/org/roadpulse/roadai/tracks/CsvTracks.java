package org.roadpulse.roadai.tracks;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.roadpulse.roadai.roads.GeoPoint;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a track from CSV with a header naming a time column ({@code time} or {@code timestamp}, ISO 8601 with an
 * offset) and the position ({@code lat}/{@code latitude}, {@code lon}/{@code lng}/{@code longitude}); comma or
 * semicolon separated, as loggers and spreadsheets write them.
 */
public final class CsvTracks {

    private CsvTracks() {
    }

    public static Track read(String csv) throws TrackFormatException {
        String firstLine = csv.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',')
                .count() ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).get();
        List<TimedPosition> fixes = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.replace("\uFEFF", "")), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            String time = column(header, "time", "timestamp");
            String lat = column(header, "lat", "latitude");
            String lon = column(header, "lon", "lng", "longitude");
            for (CSVRecord row : parser) {
                fixes.add(new TimedPosition(instant(row.get(time), row.getRecordNumber()),
                        position(row.get(lat), row.get(lon), row.getRecordNumber())));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new TrackFormatException("not a readable CSV track: " + e.getMessage(), e);
        }
        if (fixes.isEmpty()) {
            throw new TrackFormatException("the CSV track has no rows");
        }
        return new Track(fixes);
    }

    private static String column(Map<String, Integer> header, String... names) throws TrackFormatException {
        for (String present : header.keySet()) {
            for (String name : names) {
                if (present.trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return present;
                }
            }
        }
        throw new TrackFormatException("the CSV header needs a column " + String.join(" or ", names));
    }

    private static Instant instant(String text, long row) throws TrackFormatException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new TrackFormatException("row " + row + ": time '" + text + "' is not ISO 8601 with an offset");
        }
    }

    private static GeoPoint position(String lat, String lon, long row) throws TrackFormatException {
        try {
            return new GeoPoint(Double.parseDouble(lat.replace(',', '.')), Double.parseDouble(lon.replace(',', '.')));
        } catch (IllegalArgumentException e) {
            throw new TrackFormatException("row " + row + ": '" + lat + "', '" + lon + "' is not a WGS 84 position");
        }
    }
}
