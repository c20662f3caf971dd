package org.roadpulse.roadai.service.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.maintenance.ItemStatus;

class ItemFilterTest {

    @Test
    void theDefaultIsTheWorkingListOfOpenItems() {
        ItemFilter filter = ItemFilter.parse(null, "", null);
        assertThat(filter.statuses()).containsExactlyInAnyOrder(ItemStatus.NEW, ItemStatus.CONFIRMED,
                ItemStatus.SCHEDULED);
        assertThat(filter.damageClass()).isNull();
        assertThat(filter.minGrade()).isEqualTo(1.0);
    }

    @Test
    void statusesClassAndGradeAreReadInAnyCase() {
        ItemFilter filter = ItemFilter.parse("Rejected, repaired", "POTHOLE", "3.5");
        assertThat(filter.statuses()).isEqualTo(EnumSet.of(ItemStatus.REJECTED, ItemStatus.REPAIRED));
        assertThat(filter.damageClass()).isEqualTo("pothole");
        assertThat(filter.minGrade()).isEqualTo(3.5);
        assertThat(ItemFilter.parse("all", null, null).statuses()).hasSize(ItemStatus.values().length);
    }

    @Test
    void aBadValueNamesItsParameter() {
        assertThatThrownBy(() -> ItemFilter.parse("lost", null, null)).isInstanceOf(InvalidParameterException.class)
                .extracting("parameter").isEqualTo("status");
        assertThatThrownBy(() -> ItemFilter.parse(null, "rut", null)).extracting("parameter").isEqualTo("class");
        assertThatThrownBy(() -> ItemFilter.parse(null, null, "5.5")).extracting("parameter").isEqualTo("grade");
        assertThatThrownBy(() -> ItemFilter.parse(null, null, "bad")).extracting("parameter").isEqualTo("grade");
    }
}
