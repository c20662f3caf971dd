package org.roadpulse.protocol;

/** The outcome of decoding and validating a payload: the value, or the first reason it is not acceptable. */
public sealed interface Verdict<T> {

    record Accepted<T>(T value) implements Verdict<T> {
    }

    record Rejected<T>(Rejection rejection) implements Verdict<T> {
    }

    static <T> Verdict<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Verdict<T> rejected(String reason, String field, String message) {
        return new Rejected<>(Rejection.of(reason, field, message));
    }

    default boolean isAccepted() {
        return this instanceof Accepted<T>;
    }

    /** The accepted value; throws when rejected, for callers that have already checked. */
    default T value() {
        if (this instanceof Accepted<T> accepted) {
            return accepted.value();
        }
        throw new IllegalStateException("rejected: " + ((Rejected<T>) this).rejection());
    }

    default Rejection rejection() {
        if (this instanceof Rejected<T> rejected) {
            return rejected.rejection();
        }
        throw new IllegalStateException("accepted, not rejected");
    }
}
