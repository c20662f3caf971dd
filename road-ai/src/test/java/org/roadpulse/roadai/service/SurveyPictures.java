package org.roadpulse.roadai.service;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.roadpulse.roadai.support.SyntheticRoadImages;

/**
 * Vehicle-camera frames the tiny model can read: 640 × 512 pixels, the mapper's 128-px grid filled with the synthetic
 * patches of one class (dark discs for potholes, none for sound road). Every seed gives a different file.
 */
public final class SurveyPictures {

    private SurveyPictures() {
    }

    public static byte[] frame(String cls, long seed) {
        Random random = new Random(seed);
        try (Mat frame = new Mat(512, 640, CV_8UC3); BytePointer out = new BytePointer()) {
            for (int y = 0; y < 512; y += 128) {
                for (int x = 0; x < 640; x += 128) {
                    try (Mat patch = SyntheticRoadImages.image(cls, 128, random); Rect r = new Rect(x, y, 128, 128);
                         Mat target = new Mat(frame, r)) {
                        patch.copyTo(target);
                    }
                }
            }
            imencode(".jpg", frame, out);
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    /** The JPEG with an Exif APP1 segment holding a GPS position (north/east). */
    public static byte[] withGps(byte[] jpeg, double latitude, double longitude) {
        return withApp1(jpeg, gpsExif(latitude, longitude));
    }

    /** The JPEG with an Exif APP1 segment holding only the GPS time (UTC), no position: a track must place it. */
    public static byte[] withGpsTime(byte[] jpeg, java.time.Instant at) {
        java.time.ZonedDateTime utc = at.atZone(java.time.ZoneOffset.UTC);
        ByteBuffer tiff = ByteBuffer.allocate(92).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put("II".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        entry(tiff, 0x8825, 4, 1, 26);
        tiff.putInt(0);
        tiff.putShort((short) 2); // GPS IFD at 26; values from 26 + 2 + 2 * 12 + 4 = 56
        entry(tiff, 0x0007, 5, 3, 56);
        entry(tiff, 0x001D, 2, 11, 80);
        tiff.putInt(0);
        tiff.putInt(utc.getHour()).putInt(1).putInt(utc.getMinute()).putInt(1).putInt(utc.getSecond()).putInt(1);
        tiff.put(String.format("%04d:%02d:%02d\0", utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth())
                .getBytes(StandardCharsets.US_ASCII));
        return withExif(jpeg, tiff.array());
    }

    private static byte[] withExif(byte[] jpeg, byte[] tiff) {
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        byte[] exif = Arrays.copyOf(header, header.length + tiff.length);
        System.arraycopy(tiff, 0, exif, header.length, tiff.length);
        return withApp1(jpeg, exif);
    }

    /** Inserts an APP1 segment holding {@code exif} ("Exif\0\0" and a TIFF) after the start-of-image marker. */
    private static byte[] withApp1(byte[] jpeg, byte[] exif) {
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

    /** A little-endian TIFF: IFD0 with the GPS IFD pointer; the GPS IFD with reference and degrees/minutes/seconds. */
    private static byte[] gpsExif(double latitude, double longitude) {
        ByteBuffer tiff = ByteBuffer.allocate(152).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put("II".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        entry(tiff, 0x8825, 4, 1, 26);
        tiff.putInt(0);
        tiff.putShort((short) 4); // GPS IFD at 26; values from 26 + 2 + 4 * 12 + 4 = 80
        entry(tiff, 0x0001, 2, 2, 'N');
        entry(tiff, 0x0002, 5, 3, 80);
        entry(tiff, 0x0003, 2, 2, 'E');
        entry(tiff, 0x0004, 5, 3, 104);
        tiff.putInt(0);
        degrees(tiff, latitude);
        degrees(tiff, longitude);
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        byte[] exif = Arrays.copyOf(header, header.length + 128);
        System.arraycopy(tiff.array(), 0, exif, header.length, 128);
        return exif;
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void degrees(ByteBuffer tiff, double value) {
        int d = (int) value;
        double minutes = (value - d) * 60;
        int m = (int) minutes;
        long microSeconds = Math.round((minutes - m) * 60 * 1_000_000);
        tiff.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) microSeconds).putInt(1_000_000);
    }
}
