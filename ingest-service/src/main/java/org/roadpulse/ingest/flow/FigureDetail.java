package org.roadpulse.ingest.flow;

import java.util.Arrays;
import java.util.Optional;

/**
 * How much of the standard figures to compute. The daily means (DTV, DTVw, DTV_SV, SV-Anteil, day and night) need
 * one number per day; the MSV and the peak hour need every hour, which for many sites over a year is most of the work.
 */
public enum FigureDetail {
    /** Every figure. */
    ALL("all"),
    /** Daily means only: MSV and peak hour are left null. */
    MEANS("means");

    private final String wireName;

    FigureDetail(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<FigureDetail> fromWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equalsIgnoreCase(name)).findFirst();
    }
}
