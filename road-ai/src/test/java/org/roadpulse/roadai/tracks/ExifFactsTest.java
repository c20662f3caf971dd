package org.roadpulse.roadai.tracks;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.roads.GeoPoint;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/** Verifies that the GPS position and time a camera wrote into a JPEG are read, and their absence is no error. */
class ExifFactsTest {

    @Test
    void readsGpsPositionAndTime() throws Exception {
        // GIVEN a JPEG whose EXIF says 49°21' N, 7°15' E at 09:30:15 UTC on 2 November 2026
        byte[] jpeg = withExif(plainJpeg(), gpsExif());
        // WHEN its facts are read
        ExifFacts facts = ExifFacts.of(jpeg);
        // THEN position and time are those
        assertThat(facts.position()).contains(new GeoPoint(49.35, 7.25));
        assertThat(facts.capturedAt()).contains(Instant.parse("2026-11-02T09:30:15Z"));
    }

    @Test
    void anImageWithoutExifOrNotAnImageHasNoFacts() throws Exception {
        assertThat(ExifFacts.of(plainJpeg())).isEqualTo(new ExifFacts(java.util.Optional.empty(),
                java.util.Optional.empty()));
        assertThat(ExifFacts.of("not an image".getBytes(StandardCharsets.UTF_8)).position()).isEmpty();
    }

    private static byte[] plainJpeg() {
        try (Mat image = new Mat(16, 16, CV_8UC3, new Scalar(80, 80, 80, 0)); BytePointer out = new BytePointer()) {
            imencode(".jpg", image, out);
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    /** Inserts an APP1 Exif segment after the JPEG's start-of-image marker. */
    private static byte[] withExif(byte[] jpeg, byte[] exif) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** "Exif\0\0", a little-endian TIFF with IFD0 pointing at a GPS IFD of six entries and their values. */
    private static byte[] gpsExif() {
        ByteBuffer tiff = ByteBuffer.allocate(187).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put("II".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1); // IFD0: one entry, the GPS IFD pointer
        entry(tiff, 0x8825, 4, 1, 26);
        tiff.putInt(0);
        tiff.putShort((short) 6); // GPS IFD at 26; its values start at 26 + 2 + 6 * 12 + 4 = 104
        entry(tiff, 0x0001, 2, 2, 'N');
        entry(tiff, 0x0002, 5, 3, 104);
        entry(tiff, 0x0003, 2, 2, 'E');
        entry(tiff, 0x0004, 5, 3, 128);
        entry(tiff, 0x0007, 5, 3, 152);
        entry(tiff, 0x001D, 2, 11, 176);
        tiff.putInt(0);
        rationals(tiff, 49, 21, 0);
        rationals(tiff, 7, 15, 0);
        rationals(tiff, 9, 30, 15);
        tiff.put("2026:11:02\0".getBytes(StandardCharsets.US_ASCII));
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        byte[] exif = Arrays.copyOf(header, header.length + tiff.capacity());
        System.arraycopy(tiff.array(), 0, exif, header.length, tiff.capacity());
        return exif;
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void rationals(ByteBuffer tiff, int... numerators) {
        for (int numerator : numerators) {
            tiff.putInt(numerator).putInt(1);
        }
    }
}
