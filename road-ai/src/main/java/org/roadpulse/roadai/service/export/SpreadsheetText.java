package org.roadpulse.roadai.service.export;

/**
 * Text cells of a CSV export that a spreadsheet must show, not run. A cell starting with {@code = + - @}, a tab or a
 * carriage return is read by Excel and LibreOffice as a formula (CSV injection), so such text gets a leading
 * apostrophe, which they show as text. Only for text people typed or imported (road names and ids, assignees, crews): numbers are
 * written without it and stay numbers.
 */
final class SpreadsheetText {

    private SpreadsheetText() {
    }

    static String defused(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
