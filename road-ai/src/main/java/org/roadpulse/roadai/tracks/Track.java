package org.roadpulse.roadai.tracks;

import org.roadpulse.roadai.roads.GeoPoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The path of one survey drive, from a GPX or CSV log. A frame's position is interpolated between the two fixes
 * around its capture time — but only when they are close in time: across a gap (tunnel, logger off) a position would
 * be invented, and an unplaced frame is reported instead.
 */
public final class Track {

    private final List<TimedPosition> fixes;

    public Track(List<TimedPosition> fixes) {
        List<TimedPosition> sorted = new ArrayList<>(fixes);
        sorted.sort(Comparator.comparing(TimedPosition::at));
        this.fixes = Collections.unmodifiableList(sorted);
    }

    public List<TimedPosition> fixes() {
        return fixes;
    }

    /**
     * The position at this moment, interpolated linearly between the surrounding fixes (a fix at exactly that moment
     * is taken as it is); empty before the first fix, after the last, or when the surrounding fixes are farther
     * apart than {@code maxGap}.
     */
    public Optional<GeoPoint> positionAt(Instant moment, Duration maxGap) {
        int i = Collections.binarySearch(fixes, new TimedPosition(moment, new GeoPoint(0, 0)),
                Comparator.comparing(TimedPosition::at));
        if (i >= 0) {
            return Optional.of(fixes.get(i).position());
        }
        int after = -i - 1;
        if (after == 0 || after == fixes.size()) {
            return Optional.empty();
        }
        TimedPosition a = fixes.get(after - 1);
        TimedPosition b = fixes.get(after);
        Duration gap = Duration.between(a.at(), b.at());
        if (gap.compareTo(maxGap) > 0) {
            return Optional.empty();
        }
        double t = (double) Duration.between(a.at(), moment).toNanos() / gap.toNanos();
        return Optional.of(new GeoPoint(
                a.position().latitude() + t * (b.position().latitude() - a.position().latitude()),
                a.position().longitude() + t * (b.position().longitude() - a.position().longitude())));
    }
}
