package org.roadpulse.roadai.mapping;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_BLACKHAT;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_ximgproc.THINNING_ZHANGSUEN;
import static org.bytedeco.opencv.global.opencv_ximgproc.thinning;

import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.roadpulse.roadai.images.BinaryMask;
import org.roadpulse.roadai.images.MatPixels;
import org.roadpulse.roadai.images.PatchPixels;

/**
 * Finds crack pixels as thin dark lines with OpenCV and measures how they run:
 * <ol>
 *   <li>grey, 3x3 Gaussian blur against sensor noise;</li>
 *   <li>black-hat (closing minus image) with a disc of about 1/8 of the tile side: bright where a structure is
 *       darker than its surroundings and narrower than the disc, flat on smooth asphalt and wide shadows;</li>
 *   <li>crack pixels = black-hat above max({@value #MIN_CONTRAST}, median + {@value #MADS} median absolute
 *       deviations), specks smaller than 1/4 of the tile side dropped;</li>
 *   <li>Zhang-Suen thinning to a one-pixel skeleton; direction and anisotropy from its second moments; junctions
 *       after pruning stubs shorter than 1/16 of the side; closed mesh cells = holes in the crack pixels.</li>
 * </ol>
 * Too few crack pixels (under half the tile side) give no estimate.
 */
public final class OpenCvCrackShapeEstimator implements CrackShapeEstimator {
    static final double MIN_CONTRAST = 12;
    static final double MADS = 4;

    private final CrackShapeRule rule;

    public OpenCvCrackShapeEstimator(CrackShapeRule rule) {
        this.rule = rule;
    }

    public OpenCvCrackShapeEstimator() {
        this(CrackShapeRule.DEFAULT);
    }

    @Override
    public Optional<CrackShape> estimate(PatchPixels tile) {
        return measure(tile).map(m -> new CrackShape(rule.subtypeOf(m), m));
    }

    public Optional<CrackMeasurements> measure(PatchPixels tile) {
        int side = Math.min(tile.width(), tile.height());
        boolean[] crack = despeckled(crackPixels(tile), tile.width(), tile.height(), Math.max(8, side / 4));
        int crackPixels = count(crack);
        if (crackPixels < side / 2) {
            return Optional.empty();
        }
        Skeleton skeleton = new Skeleton(tile.width(), tile.height(), thinned(crack, tile.width(), tile.height()));
        Skeleton pruned = skeleton.pruned(Math.max(3, side / 16));
        return Optional.of(new CrackMeasurements(crackPixels, skeleton.pixels(), skeleton.angleDeg(),
                skeleton.anisotropy(), pruned.junctions(), meshCells(crack, tile.width(), tile.height(), side)));
    }

    private static boolean[] crackPixels(PatchPixels tile) {
        int side = Math.min(tile.width(), tile.height());
        int disc = Math.max(5, side / 8) | 1;
        byte[] response = new byte[tile.width() * tile.height()];
        try (Mat bgr = MatPixels.toMat(tile); Mat grey = new Mat(); Mat blackHat = new Mat();
             Size blur = new Size(3, 3); Size discSize = new Size(disc, disc);
             Mat kernel = getStructuringElement(MORPH_ELLIPSE, discSize)) {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
            GaussianBlur(grey, grey, blur, 0);
            morphologyEx(grey, blackHat, MORPH_BLACKHAT, kernel);
            blackHat.data().get(response);
        }
        double threshold = Math.max(MIN_CONTRAST, robustThreshold(response));
        boolean[] crack = new boolean[response.length];
        for (int i = 0; i < response.length; i++) {
            crack[i] = (response[i] & 0xFF) > threshold;
        }
        return crack;
    }

    /**
     * Median plus {@value #MADS} median absolute deviations of the black-hat response: the asphalt's own texture sets
     * the level, and cracks covering even half the tile cannot drag the threshold up with them (as a mean and standard
     * deviation would in a crack mesh).
     */
    static double robustThreshold(byte[] response) {
        int[] histogram = new int[256];
        for (byte b : response) {
            histogram[b & 0xFF]++;
        }
        int median = quantile(histogram, response.length / 2);
        int[] deviations = new int[256];
        for (int v = 0; v < 256; v++) {
            deviations[Math.abs(v - median)] += histogram[v];
        }
        int mad = quantile(deviations, response.length / 2);
        return median + MADS * Math.max(1, mad);
    }

    private static int quantile(int[] histogram, int rank) {
        int seen = 0;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (seen > rank) {
                return v;
            }
        }
        return histogram.length - 1;
    }

    private static boolean[] despeckled(boolean[] pixels, int width, int height, int minPixels) {
        boolean[] kept = new boolean[pixels.length];
        for (int[] component : new BinaryMask(width, height, pixels).components()) {
            if (component.length >= minPixels) {
                for (int p : component) {
                    kept[p] = true;
                }
            }
        }
        return kept;
    }

    private static boolean[] thinned(boolean[] pixels, int width, int height) {
        byte[] bytes = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            bytes[i] = (byte) (pixels[i] ? 255 : 0);
        }
        byte[] out = new byte[pixels.length];
        try (Mat mask = new Mat(height, width, org.bytedeco.opencv.global.opencv_core.CV_8UC1); Mat skeleton = new Mat()) {
            mask.data().put(bytes);
            thinning(mask, skeleton, THINNING_ZHANGSUEN);
            skeleton.data().get(out);
        }
        boolean[] on = new boolean[out.length];
        for (int i = 0; i < out.length; i++) {
            on[i] = out[i] != 0;
        }
        return on;
    }

    /** Holes in the crack pixels: background groups not touching the tile border, larger than a small cell. */
    private static int meshCells(boolean[] crack, int width, int height, int side) {
        boolean[] background = new boolean[crack.length];
        for (int i = 0; i < crack.length; i++) {
            background[i] = !crack[i];
        }
        int minCell = Math.max(9, side * side / 400);
        int cells = 0;
        for (int[] component : new BinaryMask(width, height, background).components()) {
            if (component.length >= minCell && !touchesBorder(component, width, height)) {
                cells++;
            }
        }
        return cells;
    }

    private static boolean touchesBorder(int[] component, int width, int height) {
        for (int p : component) {
            int x = p % width;
            int y = p / width;
            if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
                return true;
            }
        }
        return false;
    }

    private static int count(boolean[] pixels) {
        int n = 0;
        for (boolean b : pixels) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
