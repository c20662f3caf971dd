package org.roadpulse.roadai.privacy;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

/**
 * Faces (frontal and profile) and number plates with the Haar cascades that ship inside the OpenCV natives. They are
 * tuned to find too much rather than too little (few neighbours, small minimum sizes): a blurred patch of asphalt
 * costs nothing, a readable plate in a stored image is a data-protection breach. Known limit: the plate cascade was
 * trained on Russian plates; EU plates of the same shape are found, plates seen at a steep angle may not be.
 * Not thread-safe (OpenCV's cascades are not); use one per thread.
 */
public final class HaarCascadeDetector implements SensitiveRegionDetector {

    private static final String CASCADES = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/";

    private final CascadeClassifier frontalFaces = cascade("haarcascade_frontalface_alt2.xml");
    private final CascadeClassifier profileFaces = cascade("haarcascade_profileface.xml");
    private final CascadeClassifier plates = cascade("haarcascade_russian_plate_number.xml");

    @Override
    public List<SensitiveRegion> detect(Mat bgr) {
        List<SensitiveRegion> found = new ArrayList<>();
        try (Mat grey = new Mat()) {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
            equalizeHist(grey, grey);
            find(frontalFaces, grey, 2, new Size(20, 20), SensitiveRegion.Kind.FACE, found);
            find(profileFaces, grey, 2, new Size(20, 20), SensitiveRegion.Kind.FACE, found);
            find(plates, grey, 2, new Size(30, 8), SensitiveRegion.Kind.NUMBER_PLATE, found);
        }
        return found;
    }

    private static void find(CascadeClassifier cascade, Mat grey, int neighbours, Size minimum,
                             SensitiveRegion.Kind kind, List<SensitiveRegion> found) {
        try (RectVector hits = new RectVector()) {
            cascade.detectMultiScale(grey, hits, 1.1, neighbours, 0, minimum, new Size());
            for (long i = 0; i < hits.size(); i++) {
                Rect r = hits.get(i);
                found.add(new SensitiveRegion(kind, r.x(), r.y(), r.width(), r.height()));
            }
        }
    }

    private static CascadeClassifier cascade(String name) {
        try {
            File file = Loader.cacheResource(HaarCascadeDetector.class, CASCADES + name);
            CascadeClassifier cascade = new CascadeClassifier(file.getAbsolutePath());
            if (cascade.empty()) {
                throw new IllegalStateException("OpenCV could not load the cascade " + name);
            }
            return cascade;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the cascade " + name + " from the OpenCV natives", e);
        }
    }
}
