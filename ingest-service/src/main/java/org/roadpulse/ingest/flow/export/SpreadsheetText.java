package org.roadpulse.ingest.flow.export;

import io.micronaut.core.annotation.Nullable;

/**
 * Text cells of a CSV export that a spreadsheet must show, not run. A cell starting with {@code = + - @}, a tab or a
 * carriage return is read by Excel and LibreOffice as a formula (CSV injection), so such text gets a leading
 * apostrophe, which they show as text. Only for text that people typed (site names and ids): numbers are written
 * without it and stay numbers.
 */
final class SpreadsheetText {

    private SpreadsheetText() {
    }

    static @Nullable String defused(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
