package org.roadpulse.roadai.service.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {

    @Test
    void everyFormulaLeadGetsAnApostrophe() {
        for (String lead : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(SpreadsheetText.defused(lead + "HYPERLINK(\"http://evil.example\")"))
                    .isEqualTo("'" + lead + "HYPERLINK(\"http://evil.example\")");
        }
    }

    @Test
    void ordinaryTextAndEmptyCellsAreLeftAlone() {
        assertThat(SpreadsheetText.defused("Hauptstraße - Ortsmitte")).isEqualTo("Hauptstraße - Ortsmitte");
        assertThat(SpreadsheetText.defused("L-141")).isEqualTo("L-141");
        assertThat(SpreadsheetText.defused("")).isEmpty();
        assertThat(SpreadsheetText.defused(null)).isNull();
    }
}
