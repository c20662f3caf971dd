package org.roadpulse.roadai.service.intake;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.roadpulse.roadai.maintenance.Finding;
import org.roadpulse.roadai.mapping.CrackArea;
import org.roadpulse.roadai.mapping.DamageMap;
import org.roadpulse.roadai.mapping.DamageMapper;
import org.roadpulse.roadai.mapping.MappedTile;
import org.roadpulse.roadai.mapping.OpenCvFrame;
import org.roadpulse.roadai.mapping.OpenCvOverlay;
import org.roadpulse.roadai.privacy.Anonymiser;
import org.roadpulse.roadai.survey.FrameFindings;
import org.roadpulse.roadai.survey.SurveyGeometry;

/**
 * Decodes with OpenCV, pixelates faces and plates, and only then maps the damage and encodes what is kept. One frame
 * at a time: OpenCV's cascades and the DL4J network are not meant to be shared between threads, and on the few cores
 * of a municipal server parallel frames would only compete.
 */
public final class OpenCvFrameSurvey implements FrameSurvey {

    private static final int OVERLAY_WIDTH = 800;

    private final Anonymiser anonymiser;
    private final DamageMapper mapper;
    private final SurveyGeometry geometry;

    public OpenCvFrameSurvey(Anonymiser anonymiser, DamageMapper mapper, SurveyGeometry geometry) {
        this.anonymiser = anonymiser;
        this.mapper = mapper;
        this.geometry = geometry;
    }

    @Override
    public synchronized SurveyedFrame survey(byte[] jpeg, Instant takenAt) throws UnreadableFrameException {
        try (OpenCvFrame frame = new OpenCvFrame(decode(jpeg))) {
            int hidden = anonymiser.anonymise(frame.mat()).size();
            DamageMap map = mapper.map(frame);
            byte[] anonymised = encode(frame.mat());
            byte[] overlay = overlay(frame, map);
            return new SurveyedFrame(frame.mat().cols(), frame.mat().rows(), hidden, anonymised, overlay,
                    damage(map, takenAt));
        }
    }

    /** FrameFindings lists pothole tiles in tile order, then crack areas in order: the boxes follow that order. */
    private List<FoundDamage> damage(DamageMap map, Instant takenAt) {
        List<Finding> findings = FrameFindings.of(map, geometry, takenAt);
        List<int[]> boxes = new ArrayList<>();
        for (MappedTile tile : map.tiles()) {
            if (tile.className().equals(FrameFindings.POTHOLE)) {
                boxes.add(new int[] {tile.tile().x(), tile.tile().y(), tile.tile().side(), tile.tile().side()});
            }
        }
        for (CrackArea area : map.crackAreas()) {
            boxes.add(new int[] {area.x(), area.y(), area.width(), area.height()});
        }
        if (boxes.size() != findings.size()) {
            throw new IllegalStateException("findings and their boxes disagree: " + findings.size() + " vs "
                    + boxes.size());
        }
        List<FoundDamage> damage = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            int[] b = boxes.get(i);
            damage.add(new FoundDamage(findings.get(i), b[0], b[1], b[2], b[3]));
        }
        return damage;
    }

    private static Mat decode(byte[] jpeg) throws UnreadableFrameException {
        try (BytePointer buffer = new BytePointer(jpeg);
             Mat raw = new Mat(1, jpeg.length, opencv_core.CV_8UC1, buffer)) {
            Mat decoded = imdecode(raw, IMREAD_COLOR);
            if (decoded == null || decoded.empty()) {
                throw new UnreadableFrameException("the file does not decode as an image");
            }
            return decoded;
        }
    }

    static byte[] encode(Mat bgr) {
        try (BytePointer buffer = new BytePointer()) {
            if (!imencode(".jpg", bgr, buffer)) {
                throw new IllegalStateException("OpenCV could not encode a JPEG");
            }
            byte[] bytes = new byte[(int) buffer.limit()];
            buffer.get(bytes);
            return bytes;
        }
    }

    /** The overlay drawer writes files: draw into a temporary PNG, shrink, encode as JPEG, delete. */
    private static byte[] overlay(OpenCvFrame frame, DamageMap map) {
        Path png = null;
        try {
            png = Files.createTempFile("roadai-overlay", ".png");
            OpenCvOverlay.write(frame, map, png);
            try (Mat drawn = imread(png.toString())) {
                if (drawn.cols() <= OVERLAY_WIDTH) {
                    return encode(drawn);
                }
                int height = (int) Math.round(drawn.rows() * (double) OVERLAY_WIDTH / drawn.cols());
                try (Mat small = new Mat(); Size size = new Size(OVERLAY_WIDTH, height)) {
                    resize(drawn, small, size, 0, 0, INTER_AREA);
                    return encode(small);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (png != null) {
                png.toFile().delete();
            }
        }
    }
}
