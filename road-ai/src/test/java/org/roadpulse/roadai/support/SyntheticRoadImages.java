package org.roadpulse.roadai.support;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Writes a tiny, easy road-damage data set as PNG class folders: grey noisy "asphalt", a dark line for crack,
 * a dark disc for pothole, nothing for no_damage. Deterministic for a seed; a network learns it in seconds.
 */
public final class SyntheticRoadImages {
    public static final String[] CLASSES = {"crack", "no_damage", "pothole"};

    private SyntheticRoadImages() {
    }

    public static Path write(Path root, int perClass, int side, long seed) throws IOException {
        Random random = new Random(seed);
        for (String cls : CLASSES) {
            Path folder = Files.createDirectories(root.resolve(cls));
            for (int i = 0; i < perClass; i++) {
                try (Mat image = image(cls, side, random)) {
                    imwrite(folder.resolve(cls + "_" + i + ".png").toString(), image);
                }
            }
        }
        return root;
    }

    public static Mat image(String cls, int side, Random random) {
        Mat image = new Mat(side, side, CV_8UC3);
        byte[] pixels = new byte[side * side * 3];
        int base = 110 + random.nextInt(40);
        for (int p = 0; p < side * side; p++) {
            int v = base + random.nextInt(20) - 10;
            pixels[p * 3] = (byte) v;
            pixels[p * 3 + 1] = (byte) v;
            pixels[p * 3 + 2] = (byte) v;
        }
        image.data().put(pixels);
        Scalar dark = new Scalar(30, 30, 30, 0);
        if (cls.equals("crack")) {
            int x0 = random.nextInt(side);
            int x1 = random.nextInt(side);
            line(image, new Point(x0, 0), new Point(x1, side - 1), dark, Math.max(1, side / 16), 8, 0);
        } else if (cls.equals("pothole")) {
            Point centre = new Point(side / 4 + random.nextInt(side / 2), side / 4 + random.nextInt(side / 2));
            circle(image, centre, side / 6 + random.nextInt(side / 8), dark, -1, 8, 0);
        }
        return image;
    }
}
