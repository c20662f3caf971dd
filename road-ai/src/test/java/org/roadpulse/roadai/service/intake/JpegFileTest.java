package org.roadpulse.roadai.service.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.service.SurveyPictures;

class JpegFileTest {

    @Test
    void aWholeJpegPassesEvenWithZeroPaddingAfterItsEnd() {
        byte[] jpeg = SurveyPictures.frame("no_damage", 1);
        assertThat(JpegFile.refusal(jpeg)).isEmpty();
        assertThat(JpegFile.refusal(Arrays.copyOf(jpeg, jpeg.length + 16))).isEmpty();
    }

    @Test
    void emptyForeignAndCutOffFilesAreRefusedByName() {
        byte[] jpeg = SurveyPictures.frame("no_damage", 2);
        assertThat(JpegFile.refusal(new byte[0])).contains("file.empty");
        assertThat(JpegFile.refusal("%PDF-1.7 ...".getBytes())).contains("file.not_jpeg");
        assertThat(JpegFile.refusal(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10})).contains("file.not_jpeg");
        assertThat(JpegFile.refusal(Arrays.copyOf(jpeg, jpeg.length - 100))).contains("file.truncated");
    }
}
