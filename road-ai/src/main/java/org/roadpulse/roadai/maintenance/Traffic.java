package org.roadpulse.roadai.maintenance;

import org.roadpulse.roadai.roads.RoadClass;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The traffic a stretch of road carries: average daily vehicles (DTV), the heavy-vehicle share (0–1), and where the
 * figures come from: a measurement site's flow history, or the road class's default and why no measurement was used.
 */
public record Traffic(double dtv, double heavyShare, Source source) {

    /** The heavy share assumed for a road nobody counts. */
    public static final double ASSUMED_HEAVY_SHARE = 0.05;

    public Traffic {
        Objects.requireNonNull(source, "source");
        if (!(dtv >= 0)) {
            throw new IllegalArgumentException("DTV must not be negative: " + dtv);
        }
        if (!(heavyShare >= 0 && heavyShare <= 1)) {
            throw new IllegalArgumentException("heavy share lies between 0 and 1, not " + heavyShare);
        }
    }

    /** The assumption for a road without a measurement site: its class's default DTV and a 5 % heavy share. */
    public static Traffic assumedFor(RoadClass roadClass) {
        return assumed(new Assumed(roadClass, Reason.NO_SITE, null));
    }

    /** The class's default for a road whose site could not tell (API not configured, unreachable, no full day). */
    public static Traffic assumedFor(RoadClass roadClass, Reason reason, String siteId) {
        return assumed(new Assumed(roadClass, reason, siteId));
    }

    private static Traffic assumed(Assumed source) {
        return new Traffic(source.roadClass().defaultDtv(), ASSUMED_HEAVY_SHARE, source);
    }

    public boolean measured() {
        return source instanceof Measured;
    }

    /** Where the figures come from; {@link #code()} is the stable name the API and the pages use. */
    public sealed interface Source permits Measured, Assumed {

        String code();

        String inEnglish();
    }

    /** Counted at a measurement site: the figures are those of the days from {@code from} to {@code to}. */
    public record Measured(String siteId, LocalDate from, LocalDate to) implements Source {

        public Measured {
            Objects.requireNonNull(siteId, "siteId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String code() {
            return "measured";
        }

        @Override
        public String inEnglish() {
            return "measured at site " + siteId + ", " + from + " to " + to;
        }
    }

    /**
     * The road class's default, and why.
     *
     * @param siteId the road's measurement site; null exactly when the reason is {@link Reason#NO_SITE}
     */
    public record Assumed(RoadClass roadClass, Reason reason, String siteId) implements Source {

        public Assumed {
            Objects.requireNonNull(roadClass, "roadClass");
            Objects.requireNonNull(reason, "reason");
            if ((siteId == null) != (reason == Reason.NO_SITE)) {
                throw new IllegalArgumentException("a site id belongs to every reason but " + Reason.NO_SITE);
            }
        }

        @Override
        public String code() {
            return reason.code();
        }

        @Override
        public String inEnglish() {
            return "default for " + roadClass.germanName() + ": " + switch (reason) {
                case NO_SITE -> "no measurement site";
                case FLOW_API_NOT_CONFIGURED -> "flow API not configured";
                case FLOW_API_UNAVAILABLE -> "flow API unavailable for site " + siteId;
                case FLOW_API_REFUSED -> "flow API refused access to site " + siteId;
                case NO_COMPLETE_DAY -> "no complete day measured at site " + siteId;
            };
        }
    }

    /** Why a road's class default stands in for a measurement. */
    public enum Reason {
        /** The road has no measurement site. */
        NO_SITE("road-class-default"),
        /** The service was given no flow API address. */
        FLOW_API_NOT_CONFIGURED("flow-api-not-configured"),
        /** The flow API did not answer, or answered with an error. */
        FLOW_API_UNAVAILABLE("flow-api-unavailable"),
        /** The flow API refused road-ai's token: road-ai was not given the ingest service's token key. */
        FLOW_API_REFUSED("flow-api-refused"),
        /** The site counted no complete day in the last year. */
        NO_COMPLETE_DAY("no-complete-day");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
