package org.roadpulse.agent.camera;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.roadpulse.protocol.VehicleClass;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies classification by length along the direction of travel, with and without a calibration. */
class SizeClassifierTest {

    @Test
    void lengthIsMeasuredAlongTheDirectionOfTravel() {
        SizeClassifier sizes = new SizeClassifier(10.0, 8);
        Box box = new Box(0, 0, 45, 120); // 4.5 m wide, 12 m long
        assertThat(sizes.lengthMetres(box, 0, 5)).isCloseTo(12, Offset.offset(1e-9));
        assertThat(sizes.lengthMetres(box, -3, 0)).isCloseTo(4.5, Offset.offset(1e-9));
        assertThat(sizes.classify(box, 0, 5)).isEqualTo(VehicleClass.LKW_AEHNLICH);
        assertThat(sizes.classify(new Box(0, 0, 20, 45), 0, 5)).isEqualTo(VehicleClass.PKW_AEHNLICH);
    }

    @Test
    void withoutACalibrationNothingIsClassified() {
        assertThat(new SizeClassifier(null, 8).classify(new Box(0, 0, 20, 45), 0, 5)).isEqualTo(VehicleClass.NK_KFZ);
    }

    @Test
    void calibrationComesFromTwoMarksAKnownDistanceApart() {
        assertThat(SizeClassifier.calibrate(100, 100, 100, 160, 6)).isEqualTo(10.0);
    }
}
