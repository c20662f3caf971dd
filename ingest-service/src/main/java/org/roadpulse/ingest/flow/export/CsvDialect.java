package org.roadpulse.ingest.flow.export;

import org.apache.commons.csv.CSVFormat;

import java.util.Arrays;
import java.util.Optional;

/** The two CSV flavours of the exports, chosen with {@code format=} on the endpoints. */
public enum CsvDialect {
    /** RFC 4180: comma-separated, '.' as the decimal point. */
    COMMA("comma", CSVFormat.RFC4180, '.', false),
    /**
     * What German Excel opens correctly by double-click: ';' between cells (its list separator in the German
     * locale), decimal comma, and a UTF-8 byte order mark, without which Excel reads the file as Windows-1252 and
     * garbles umlauts.
     */
    SEMICOLON("semicolon", CSVFormat.RFC4180.builder().setDelimiter(';').get(), ',', true);

    private final String wireName;
    private final CSVFormat format;
    private final char decimalSeparator;
    private final boolean byteOrderMark;

    CsvDialect(String wireName, CSVFormat format, char decimalSeparator, boolean byteOrderMark) {
        this.wireName = wireName;
        this.format = format;
        this.decimalSeparator = decimalSeparator;
        this.byteOrderMark = byteOrderMark;
    }

    public String wireName() {
        return wireName;
    }

    CSVFormat format() {
        return format;
    }

    char decimalSeparator() {
        return decimalSeparator;
    }

    boolean byteOrderMark() {
        return byteOrderMark;
    }

    public static Optional<CsvDialect> fromWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equalsIgnoreCase(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(CsvDialect::wireName).toList());
    }
}
