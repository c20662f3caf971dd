package org.roadpulse.roadai.privacy;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.support.SharedData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

/** Verifies that the cascades shipped with OpenCV load and give regions inside the image on real road frames. */
class HaarCascadeDetectorTest {

    @Test
    void findsRegionsInsideRealFrames() throws Exception {
        Path frames = SharedData.roadDamage().map(p -> p.resolve("frames/val")).orElse(null);
        Assumptions.assumeTrue(frames != null && Files.isDirectory(frames), "shared road-damage frames absent");
        HaarCascadeDetector detector = new HaarCascadeDetector();
        List<Path> raws;
        try (Stream<Path> files = Files.list(frames)) {
            raws = files.filter(p -> p.toString().endsWith("_RAW.jpg")).sorted().limit(3).toList();
        }
        for (Path raw : raws) {
            byte[] bytes = Files.readAllBytes(raw);
            try (BytePointer buffer = new BytePointer(bytes);
                 Mat encoded = new Mat(1, bytes.length, CV_8UC1, buffer);
                 Mat frame = imdecode(encoded, IMREAD_COLOR)) {
                for (SensitiveRegion region : detector.detect(frame)) {
                    assertThat(region.x()).isBetween(0, frame.cols() - 1);
                    assertThat(region.y()).isBetween(0, frame.rows() - 1);
                    assertThat(region.x() + region.width()).isLessThanOrEqualTo(frame.cols());
                    assertThat(region.y() + region.height()).isLessThanOrEqualTo(frame.rows());
                }
            }
        }
    }
}
