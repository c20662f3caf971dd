package org.roadpulse.roadai.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.roadpulse.roadai.model.NativeRuntime;

class WeightAverageTest {
    @BeforeAll
    static void natives() {
        NativeRuntime.configure();
    }

    @Test
    void theMeanCoversOnlyTheLastEpochsOfTheWindow() {
        // GIVEN a window of 2 and three epochs' parameters
        WeightAverage average = new WeightAverage(2);
        average.add(Nd4j.createFromArray(1f, 10f));
        average.add(Nd4j.createFromArray(3f, 20f));
        average.add(Nd4j.createFromArray(5f, 40f));
        // THEN the first epoch has left the window
        assertThat(average.size()).isEqualTo(2);
        assertThat(average.mean().toFloatVector()).containsExactly(4f, 30f);
    }

    @Test
    void keepsACopySoLaterTrainingDoesNotChangeTheAverage() {
        WeightAverage average = new WeightAverage(3);
        var params = Nd4j.createFromArray(2f, 4f);
        average.add(params);

        params.addi(100); // the network keeps training in place

        assertThat(average.mean().toFloatVector()).containsExactly(2f, 4f);
    }
}
