package org.roadpulse.roadai.roads;

import java.util.Locale;
import java.util.Optional;

/**
 * The class of a road as German road administration names it, with how much it matters for the list and the daily
 * traffic assumed when no measurement site counts it. The defaults are rough orders of magnitude for municipal
 * networks in the Saarland; a measured DTV always replaces them.
 */
public enum RoadClass {
    FEDERAL("Bundesstraße", 1.0, 12_000),
    STATE("Landesstraße", 0.8, 6_000),
    DISTRICT("Kreisstraße", 0.6, 3_000),
    MUNICIPAL_MAIN("Gemeindestraße (Hauptverkehr)", 0.5, 2_000),
    RESIDENTIAL("Anliegerstraße", 0.3, 300),
    PATH("Wirtschafts- oder Radweg", 0.1, 50);

    private final String germanName;
    private final double importance;
    private final int defaultDtv;

    RoadClass(String germanName, double importance, int defaultDtv) {
        this.germanName = germanName;
        this.importance = importance;
        this.defaultDtv = defaultDtv;
    }

    public String germanName() {
        return germanName;
    }

    /** 0–1: how much the class weighs in the priority. */
    public double importance() {
        return importance;
    }

    /** Vehicles per day assumed without a measurement. */
    public int defaultDtv() {
        return defaultDtv;
    }

    /** Accepts the enum name in any case, with '-' or '_' (e.g. {@code municipal-main}). */
    public static Optional<RoadClass> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (RoadClass roadClass : values()) {
            if (roadClass.name().equals(name)) {
                return Optional.of(roadClass);
            }
        }
        return Optional.empty();
    }
}
