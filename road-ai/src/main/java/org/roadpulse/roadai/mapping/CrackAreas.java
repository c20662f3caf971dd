package org.roadpulse.roadai.mapping;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups crack tiles that share an edge on the tile grid and gives each group one sub-type: ALLIGATOR when at least
 * half of the members with a shape are alligator (a mesh seen in pieces); otherwise the direction that the longer
 * skeleton runs in — each member votes LONGITUDINAL or TRANSVERSE with its skeleton length.
 */
public final class CrackAreas {
    private CrackAreas() {
    }

    public static List<CrackArea> of(List<MappedTile> mapped) {
        Map<Long, MappedTile> cracks = new HashMap<>();
        for (MappedTile t : mapped) {
            if (t.className().equals(DamageMapper.CRACK)) {
                cracks.put(key(t.tile().row(), t.tile().column()), t);
            }
        }
        List<CrackArea> areas = new ArrayList<>();
        List<MappedTile> ordered = mapped.stream().filter(t -> cracks.containsKey(key(t.tile().row(), t.tile().column())))
                .toList();
        for (MappedTile start : ordered) {
            if (cracks.containsKey(key(start.tile().row(), start.tile().column()))) {
                areas.add(area(collect(start, cracks)));
            }
        }
        return areas;
    }

    /** Removes and returns the group of {@code start} from {@code remaining}, searching grid edges. */
    private static List<MappedTile> collect(MappedTile start, Map<Long, MappedTile> remaining) {
        List<MappedTile> group = new ArrayList<>();
        ArrayDeque<MappedTile> queue = new ArrayDeque<>();
        remaining.remove(key(start.tile().row(), start.tile().column()));
        queue.add(start);
        int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (!queue.isEmpty()) {
            MappedTile t = queue.poll();
            group.add(t);
            for (int[] step : steps) {
                MappedTile next = remaining.remove(key(t.tile().row() + step[0], t.tile().column() + step[1]));
                if (next != null) {
                    queue.add(next);
                }
            }
        }
        return group;
    }

    private static CrackArea area(List<MappedTile> group) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        List<int[]> cells = new ArrayList<>();
        for (MappedTile t : group) {
            Tile tile = t.tile();
            x0 = Math.min(x0, tile.x());
            y0 = Math.min(y0, tile.y());
            x1 = Math.max(x1, tile.x() + tile.side());
            y1 = Math.max(y1, tile.y() + tile.side());
            cells.add(new int[] {tile.row(), tile.column()});
        }
        return new CrackArea(List.copyOf(cells), x0, y0, x1 - x0, y1 - y0, subtypeOf(group));
    }

    static CrackSubtype subtypeOf(List<MappedTile> group) {
        Map<CrackSubtype, Integer> tiles = new EnumMap<>(CrackSubtype.class);
        Map<CrackSubtype, Integer> length = new EnumMap<>(CrackSubtype.class);
        int shaped = 0;
        for (MappedTile t : group) {
            if (t.crackShape() != null) {
                shaped++;
                tiles.merge(t.crackShape().subtype(), 1, Integer::sum);
                length.merge(t.crackShape().subtype(), t.crackShape().measurements().skeletonPixels(), Integer::sum);
            }
        }
        if (shaped == 0) {
            return null;
        }
        if (2 * tiles.getOrDefault(CrackSubtype.ALLIGATOR, 0) >= shaped) {
            return CrackSubtype.ALLIGATOR;
        }
        return length.getOrDefault(CrackSubtype.LONGITUDINAL, 0) >= length.getOrDefault(CrackSubtype.TRANSVERSE, 0)
                ? CrackSubtype.LONGITUDINAL : CrackSubtype.TRANSVERSE;
    }

    private static long key(int row, int column) {
        return ((long) row << 32) | (column & 0xFFFFFFFFL);
    }
}
