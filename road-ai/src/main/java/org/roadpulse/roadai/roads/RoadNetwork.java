package org.roadpulse.roadai.roads;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The road segments of one or more municipalities, indexed for snapping: a camera position goes to the nearest
 * segment within a tolerance, at a chainage and 10-m section along it. Immutable; build a new one after an import.
 */
public final class RoadNetwork {

    /** Roads are graded per section of this length (DOMAIN.md: 5–10 m). */
    public static final double SECTION_METRES = 10.0;

    private record Indexed(RoadSegment segment, LineString line, LengthIndexedLine measure) {
    }

    private final GeometryFactory geometry = new GeometryFactory();
    private final List<RoadSegment> segments;
    private final LocalPlane plane;
    private final STRtree index = new STRtree();
    private final Map<String, Indexed> byId = new HashMap<>();

    public RoadNetwork(Collection<RoadSegment> segments) {
        this.segments = List.copyOf(segments);
        this.plane = new LocalPlane(centre(this.segments));
        for (RoadSegment segment : this.segments) {
            LineString line = geometry.createLineString(segment.line().stream().map(plane::toPlane)
                    .toArray(Coordinate[]::new));
            Indexed indexed = new Indexed(segment, line, new LengthIndexedLine(line));
            if (byId.put(segment.id(), indexed) != null) {
                throw new IllegalArgumentException("two road segments share the id " + segment.id());
            }
            index.insert(line.getEnvelopeInternal(), indexed);
        }
        index.build();
    }

    public List<RoadSegment> segments() {
        return segments;
    }

    /** The segment's length in metres. */
    public double lengthMetres(RoadSegment segment) {
        return indexed(segment).line().getLength();
    }

    /** The nearest segment no farther than the tolerance, or empty when the position is off every road. */
    public Optional<Snapped> snap(GeoPoint position, double toleranceMetres) {
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        Coordinate at = plane.toPlane(position);
        Point point = geometry.createPoint(at);
        Envelope search = new Envelope(at);
        search.expandBy(toleranceMetres);
        Indexed nearest = null;
        double nearestDistance = Double.POSITIVE_INFINITY;
        for (Object candidate : index.query(search)) {
            Indexed indexed = (Indexed) candidate;
            double distance = indexed.line().distance(point);
            boolean tieWonById = nearest != null && distance == nearestDistance
                    && indexed.segment().id().compareTo(nearest.segment().id()) < 0;
            if (distance < nearestDistance || tieWonById) { // ties by id: the same answer on every run
                nearest = indexed;
                nearestDistance = distance;
            }
        }
        if (nearest == null || nearestDistance > toleranceMetres) {
            return Optional.empty();
        }
        double chainage = nearest.measure().project(at);
        int section = (int) Math.floor(chainage / SECTION_METRES);
        return Optional.of(new Snapped(nearest.segment(), chainage, nearestDistance, section));
    }

    /** The position at this chainage along the segment (clamped to its ends). */
    public GeoPoint positionAt(RoadSegment segment, double chainageMetres) {
        return plane.toGeo(indexed(segment).measure().extractPoint(chainageMetres));
    }

    private Indexed indexed(RoadSegment segment) {
        Indexed indexed = byId.get(segment.id());
        if (indexed == null) {
            throw new IllegalArgumentException("segment " + segment.id() + " is not part of this network");
        }
        return indexed;
    }

    private static GeoPoint centre(List<RoadSegment> segments) {
        double lat = 0;
        double lon = 0;
        int n = 0;
        for (RoadSegment segment : segments) {
            for (GeoPoint point : segment.line()) {
                lat += point.latitude();
                lon += point.longitude();
                n++;
            }
        }
        return n == 0 ? new GeoPoint(0, 0) : new GeoPoint(lat / n, lon / n);
    }

    /** Segments of one municipality. */
    public List<RoadSegment> of(String municipality) {
        List<RoadSegment> found = new ArrayList<>();
        for (RoadSegment segment : segments) {
            if (segment.municipality().equals(municipality)) {
                found.add(segment);
            }
        }
        return found;
    }
}
