package org.roadpulse.roadai.mapping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.roadpulse.roadai.images.ImageSize;
import org.roadpulse.roadai.images.PatchPixels;
import org.roadpulse.roadai.model.DamageClassifier;

/**
 * Turns a whole frame into a {@link DamageMap}: lays tiles over the road region, classifies them in batches, measures
 * the damaged area per class and, for crack tiles, estimates the crack sub-type.
 */
public final class DamageMapper {
    public static final String CRACK = "crack";

    private final DamageClassifier classifier;
    private final RoadRegion region;
    private final Tiling tiling;
    private final CrackShapeEstimator crackShapes;
    private final int batchSize;
    private final TileDecision decision;
    /** Frames of a camera share one size: the road and the tiles are laid once per size. */
    private Layout layout;

    private record Layout(ImageSize size, Geometry road, List<Tile> tiles) {
    }

    public DamageMapper(DamageClassifier classifier, RoadRegion region, Tiling tiling, CrackShapeEstimator crackShapes,
                        int batchSize) {
        this(classifier, region, tiling, crackShapes, batchSize, TileDecision.CLASSIFIERS_OWN);
    }

    public DamageMapper(DamageClassifier classifier, RoadRegion region, Tiling tiling, CrackShapeEstimator crackShapes,
                        int batchSize, TileDecision decision) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.classifier = classifier;
        this.region = region;
        this.tiling = tiling;
        this.crackShapes = crackShapes;
        this.batchSize = batchSize;
        this.decision = decision;
    }

    public DamageClassifier classifier() {
        return classifier;
    }

    public Tiling tiling() {
        return tiling;
    }

    public RoadRegion region() {
        return region;
    }

    public TileDecision decision() {
        return decision;
    }

    /** The tiles this mapper would classify in a frame of this size. */
    public List<Tile> tilesFor(ImageSize frameSize) {
        return layoutFor(frameSize).tiles();
    }

    private synchronized Layout layoutFor(ImageSize size) {
        if (layout == null || !layout.size().equals(size)) {
            Geometry road = region.inPixels(size);
            layout = new Layout(size, road, List.copyOf(tiling.lay(road, size)));
        }
        return layout;
    }

    public DamageMap map(Frame frame) {
        ImageSize size = frame.size();
        Layout laid = layoutFor(size);
        Geometry road = laid.road();
        List<Tile> tiles = laid.tiles();
        List<MappedTile> mapped = new ArrayList<>(tiles.size());
        for (int start = 0; start < tiles.size(); start += batchSize) {
            List<Tile> batch = tiles.subList(start, Math.min(tiles.size(), start + batchSize));
            List<PatchPixels> patches = new ArrayList<>(batch.size());
            for (Tile tile : batch) {
                patches.add(frame.cut(tile, classifier.inputSize()));
            }
            float[][] probabilities = classifier.probabilities(patches);
            for (int i = 0; i < batch.size(); i++) {
                mapped.add(verdict(frame, batch.get(i), probabilities[i]));
            }
        }
        return new DamageMap(size.width(), size.height(), corners(road), road.getArea(), tiling, List.copyOf(mapped),
                areas(mapped, road), subtypeCounts(mapped), CrackAreas.of(mapped), coveredArea(tiles, road) / road.getArea());
    }

    private MappedTile verdict(Frame frame, Tile tile, float[] probabilities) {
        List<String> classes = classifier.classes();
        int best = decision.decide(classifier, probabilities);
        Map<String, Double> byClass = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            byClass.put(classes.get(c), (double) probabilities[c]);
        }
        String className = classes.get(best);
        CrackShape shape = className.equals(CRACK) ? crackShapes.estimate(frame.cut(tile)).orElse(null) : null;
        return new MappedTile(tile, className, probabilities[best], byClass, shape);
    }

    private Map<String, DamagedArea> areas(List<MappedTile> mapped, Geometry road) {
        double roadArea = road.getArea();
        Map<String, DamagedArea> areas = new LinkedHashMap<>();
        for (String className : classifier.classes()) {
            List<Tile> ofClass = mapped.stream().filter(t -> t.className().equals(className)).map(MappedTile::tile).toList();
            double pixels = coveredArea(ofClass, road);
            areas.put(className, new DamagedArea(pixels, pixels / roadArea));
        }
        return areas;
    }

    /** Area of the union of the tiles within the road: overlapping tiles (stride below side) are counted once. */
    private double coveredArea(List<Tile> tiles, Geometry road) {
        if (tiles.isEmpty()) {
            return 0;
        }
        if (tiling.stride() == tiling.side()) { // disjoint tiles: each one's road part, already measured when laid
            return tiles.stream().mapToDouble(t -> t.insideShare() * t.area()).sum();
        }
        List<Geometry> squares = new ArrayList<>(tiles.size());
        tiles.forEach(t -> squares.add(t.polygon()));
        return UnaryUnionOp.union(squares).intersection(road).getArea();
    }

    private static Map<CrackSubtype, Integer> subtypeCounts(List<MappedTile> mapped) {
        Map<CrackSubtype, Integer> counts = new EnumMap<>(CrackSubtype.class);
        for (CrackSubtype subtype : CrackSubtype.values()) {
            counts.put(subtype, 0);
        }
        mapped.stream().filter(t -> t.crackShape() != null)
                .forEach(t -> counts.merge(t.crackShape().subtype(), 1, Integer::sum));
        return counts;
    }

    /** The outline of the road region (of its largest part, should clipping have split it). */
    private static List<double[]> corners(Geometry road) {
        List<double[]> corners = new ArrayList<>();
        Polygon largest = null;
        for (int i = 0; i < road.getNumGeometries(); i++) {
            if (road.getGeometryN(i) instanceof Polygon part && (largest == null || part.getArea() > largest.getArea())) {
                largest = part;
            }
        }
        if (largest == null) {
            return corners;
        }
        Coordinate[] ring = largest.getExteriorRing().getCoordinates();
        for (int i = 0; i < ring.length - 1; i++) {
            corners.add(new double[] {ring[i].x, ring[i].y});
        }
        return corners;
    }
}
