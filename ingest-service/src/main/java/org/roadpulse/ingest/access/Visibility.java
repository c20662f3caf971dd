package org.roadpulse.ingest.access;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which municipalities (AGS) a caller may see. Every query of sites, devices, flow data, users and the audit trail
 * takes one and applies it where the data is read, so a site of another municipality is simply not found: there
 * is no per-endpoint check to forget.
 *
 * @param all            an operator's view: every municipality, also ones added later
 * @param municipalities the AGS seen when not {@code all}; may be empty (then nothing is seen)
 */
public record Visibility(boolean all, Set<String> municipalities) {

    public Visibility {
        municipalities = Set.copyOf(municipalities);
    }

    public static Visibility everything() {
        return new Visibility(true, Set.of());
    }

    public static Visibility of(Collection<String> municipalities) {
        return new Visibility(false, Set.copyOf(municipalities));
    }

    public static Visibility nothing() {
        return new Visibility(false, Set.of());
    }

    public boolean includes(String municipality) {
        return all || (municipality != null && municipalities.contains(municipality));
    }

    /** The municipalities as a sorted array, for an SQL {@code = ANY (?)} bound parameter; ignored when all. */
    public String[] asArray() {
        return new TreeSet<>(municipalities).toArray(String[]::new);
    }

    public List<String> sorted() {
        return List.copyOf(new TreeSet<>(municipalities));
    }
}
