package org.roadpulse.agent.camera;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roadpulse.protocol.testing.SharedData;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the counter against hand counts of real video (issue #6 target: every clip within ±1 vehicle of the truth
 * in each direction). Skipped where the shared video data is absent.
 */
@Tag("slow")
class VideoCounterAccuracyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bgslibrary_dataset_video03.avi | y=0.50 | down | 27 | up          | 0",
            "intel_car-detection.mp4        | y=0.50 | down | 2  | up          | 2",
            "bgslibrary_dataset_video.avi   | x=0.50 | left→right | 5 | right→left | 0"})
    void countsWithinOneVehicleOfTheTruthInEachDirection(String clip, String line, String first, int firstTruth,
                                                        String second, int secondTruth) throws Exception {
        Path video = SharedData.require("video/" + clip);
        VideoCounter.Result result = new VideoCounter(VideoCounter.Settings.defaults())
                .count(video.toString(), null, LineSpec.parse(line), frame -> { });
        assertThat(result.counts().get(first)).as(first).isBetween(firstTruth - 1, firstTruth + 1);
        assertThat(result.counts().get(second)).as(second).isBetween(secondTruth - 1, secondTruth + 1);
    }

    @Test
    void motionOutsideTheRegionOfInterestIsNeverCounted() throws Exception {
        Path video = SharedData.require("video/bgslibrary_dataset_video03.avi");
        LineSpec line = LineSpec.parse("y=0.50");
        // the whole frame drawn as a polygon counts as the default does; the top 30 % alone never reaches the line
        VideoCounter.Result everywhere = new VideoCounter(VideoCounter.Settings.defaults(),
                RegionOfInterest.parse("0,0 1,0 1,1 0,1")).count(video.toString(), null, line, frame -> { });
        VideoCounter.Result topOnly = new VideoCounter(VideoCounter.Settings.defaults(),
                RegionOfInterest.parse("0,0 1,0 1,0.3 0,0.3")).count(video.toString(), null, line, frame -> { });
        assertThat(everywhere.counts().get("down")).isBetween(26, 28);
        assertThat(topOnly.counts().values()).containsOnly(0);
    }
}
