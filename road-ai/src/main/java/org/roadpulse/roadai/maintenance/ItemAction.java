package org.roadpulse.roadai.maintenance;

import java.time.LocalDate;
import java.util.Objects;

/** What can happen to a maintenance item: a person's decision, or what a later drive saw. */
public sealed interface ItemAction {

    /** The action's name as the API and the audit trail spell it. */
    String name();

    record Confirm() implements ItemAction {
        public String name() {
            return "confirm";
        }
    }

    record Reject(String reason) implements ItemAction {
        public String name() {
            return "reject";
        }
    }

    record Schedule(LocalDate date, String crew) implements ItemAction {
        public Schedule {
            Objects.requireNonNull(date, "date");
            if (crew == null || crew.isBlank()) {
                throw new IllegalArgumentException("a schedule names the crew");
            }
        }

        public String name() {
            return "schedule";
        }
    }

    record MarkRepaired() implements ItemAction {
        public String name() {
            return "repaired";
        }
    }

    /** A later drive found the damage at the same place. */
    record SeenAgain() implements ItemAction {
        public String name() {
            return "seen-again";
        }
    }

    /** A later drive passed the place and found no damage. */
    record NotSeenAgain() implements ItemAction {
        public String name() {
            return "not-seen-again";
        }
    }
}
