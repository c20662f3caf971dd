package org.roadpulse.roadai.service.export;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.roadpulse.roadai.service.domain.Detection;
import org.roadpulse.roadai.service.storage.PgDetections;

/**
 * Detections staff have judged, as a zip in the training tool's class-folder layout: each detection's box cut from
 * the anonymised image into {@code crack/}, {@code pothole/} or — for rejected items — {@code no_damage/}, with
 * {@code labels.csv} saying where each cut came from. Unconfirmed (new) items are left out.
 */
public final class OpenCvLabelledDataset {

    private OpenCvLabelledDataset() {
    }

    /**
     * Writes the zip; {@code image} gives an anonymised JPEG by image id, {@code labelled} comes grouped by image.
     * Returns how many cuts it holds.
     */
    public static int write(List<PgDetections.Labelled> labelled, LongFunction<Optional<byte[]>> image,
                            OutputStream out) throws IOException {
        StringWriter labels = new StringWriter();
        int written = 0;
        long currentImage = -1;
        Mat picture = null;
        try (ZipOutputStream zip = new ZipOutputStream(out);
             CSVPrinter csv = new CSVPrinter(labels, CSVFormat.DEFAULT.builder().setHeader("file", "label",
                     "detection_id", "image_id", "item_id", "item_status", "kind", "confidence").build())) {
            for (PgDetections.Labelled l : labelled) {
                Detection d = l.detection();
                if (d.imageId() != currentImage) { // labelled detections come grouped by image
                    if (picture != null) {
                        picture.close();
                    }
                    currentImage = d.imageId();
                    picture = image.apply(currentImage).map(OpenCvLabelledDataset::decode).orElse(null);
                }
                if (picture == null) {
                    continue;
                }
                String label = l.itemStatus().equals("REJECTED") ? "no_damage" : d.damageClass();
                String file = label + "/detection-" + d.id() + ".jpg";
                zip.putNextEntry(new ZipEntry(file));
                zip.write(cut(picture, d));
                zip.closeEntry();
                csv.printRecord(file, label, d.id(), d.imageId(), d.itemId(), l.itemStatus().toLowerCase(),
                        d.kind().name().toLowerCase(), d.confidence());
                written++;
            }
            csv.flush();
            zip.putNextEntry(new ZipEntry("labels.csv"));
            zip.write(labels.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } finally {
            if (picture != null) {
                picture.close();
            }
        }
        return written;
    }

    private static Mat decode(byte[] jpeg) {
        try (BytePointer buffer = new BytePointer(jpeg);
             Mat raw = new Mat(1, jpeg.length, opencv_core.CV_8UC1, buffer)) {
            return imdecode(raw, IMREAD_COLOR);
        }
    }

    private static byte[] cut(Mat picture, Detection d) {
        int x = Math.max(0, Math.min(d.boxX(), picture.cols() - 1));
        int y = Math.max(0, Math.min(d.boxY(), picture.rows() - 1));
        int w = Math.max(1, Math.min(d.boxWidth(), picture.cols() - x));
        int h = Math.max(1, Math.min(d.boxHeight(), picture.rows() - y));
        try (Rect box = new Rect(x, y, w, h); Mat view = new Mat(picture, box); Mat copy = view.clone();
             BytePointer buffer = new BytePointer()) {
            imencode(".jpg", copy, buffer);
            byte[] bytes = new byte[(int) buffer.limit()];
            buffer.get(bytes);
            return bytes;
        }
    }
}
