package org.roadpulse.ingest.flow.export;

import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.flow.ClassGroup;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The categories the exports know: every class group is covered, and the published index numbers are distinct. */
class ExchangeCategoryExportTest {

    @Test
    void everyCategoryOfEveryClassGroupHasAnExchangeCategory() {
        for (ClassGroup group : ClassGroup.values()) {
            group.categories().forEach((name, classes) ->
                    assertThat(ExchangeCategory.summing(classes)).as(group.wireName() + " " + name).isPresent());
        }
    }

    @Test
    void theTotalAndTheHeavyCategoriesAreRecognisedWhateverTheirName() {
        assertThat(ExchangeCategory.summing(ClassGroup.KFZ.categories().get("Kfz"))).contains(ExchangeCategory.ALL);
        assertThat(ExchangeCategory.summing(ClassGroup.SV.categories().get("SV"))).contains(ExchangeCategory.HEAVY);
        assertThat(ExchangeCategory.summing(ClassGroup.TLS_2_1.categories().get("LkwAehnlich")))
                .contains(ExchangeCategory.HEAVY);
    }

    @Test
    void indexNumbersAreDistinctAndStayInsideADirectionsBlock() {
        assertThat(Arrays.stream(ExchangeCategory.values()).map(ExchangeCategory::number))
                .doesNotHaveDuplicates()
                .doesNotContain(Datex2Index.SPEED)
                .allMatch(n -> n > 0 && n < 100);
    }
}
