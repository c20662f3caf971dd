package org.roadpulse.roadai.maintenance;

import org.roadpulse.roadai.roads.RoadClass;

import java.util.Locale;
import java.util.Objects;

/**
 * What one term of the priority was computed from, as facts (numbers, a grade, a road class, a traffic source) rather
 * than a sentence, so that each reader words them in its own language: the staff pages in German or English, the CLI
 * and the exports in English ({@link #inEnglish()}).
 */
public sealed interface TermFacts {

    /** The term's stable name: {@code safety}, {@code grade}, {@code traffic}, {@code roadClass}, {@code age}, {@code certainty}. */
    String term();

    String inEnglish();

    /**
     * The largest pothole against the size from which a pothole is safety-critical.
     *
     * @param largestPotholeM2 0 when the item has no pothole
     */
    record Safety(double largestPotholeM2, double safetyPotholeM2) implements TermFacts {

        public boolean critical() {
            return largestPotholeM2 >= safetyPotholeM2;
        }

        @Override
        public String term() {
            return "safety";
        }

        @Override
        public String inEnglish() {
            if (critical()) {
                return format("pothole %.2f m² ≥ %.2f m²: safety-critical, goes first", largestPotholeM2, safetyPotholeM2);
            }
            return largestPotholeM2 > 0
                    ? format("largest pothole %.2f m² < %.2f m²", largestPotholeM2, safetyPotholeM2)
                    : "no pothole";
        }
    }

    record Condition(ConditionGrade grade) implements TermFacts {

        public Condition {
            Objects.requireNonNull(grade, "grade");
        }

        @Override
        public String term() {
            return "grade";
        }

        @Override
        public String inEnglish() {
            return "grade " + grade;
        }
    }

    record Load(Traffic traffic) implements TermFacts {

        public Load {
            Objects.requireNonNull(traffic, "traffic");
        }

        @Override
        public String term() {
            return "traffic";
        }

        @Override
        public String inEnglish() {
            return format("DTV %,.0f, %.0f %% heavy (%s)", traffic.dtv(), traffic.heavyShare() * 100,
                    traffic.source().inEnglish());
        }
    }

    record Road(RoadClass roadClass) implements TermFacts {

        public Road {
            Objects.requireNonNull(roadClass, "roadClass");
        }

        @Override
        public String term() {
            return "roadClass";
        }

        @Override
        public String inEnglish() {
            return roadClass.germanName();
        }
    }

    /** @param days whole days since a drive first found the damage */
    record Age(long days) implements TermFacts {

        @Override
        public String term() {
            return "age";
        }

        @Override
        public String inEnglish() {
            return "known for " + days + (days == 1 ? " day" : " days");
        }
    }

    /** @param certainty the model's confidence (0–1), or 1 once staff confirmed the damage */
    record Certainty(double certainty) implements TermFacts {

        public boolean confirmed() {
            return certainty >= 1;
        }

        @Override
        public String term() {
            return "certainty";
        }

        @Override
        public String inEnglish() {
            return confirmed() ? "confirmed" : format("model %.0f %% sure", certainty * 100);
        }
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
