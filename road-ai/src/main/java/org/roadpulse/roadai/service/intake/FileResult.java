package org.roadpulse.roadai.service.intake;

/**
 * What became of one file: {@code stored}, {@code duplicate} (the same file was stored before; ignored) or
 * {@code refused} with a stable reason and a sentence for people. A refused file left nothing in the database.
 */
@io.micronaut.serde.annotation.Serdeable
public record FileResult(String file, String outcome, String reason, String message, Long imageId, int detections,
                         int unmatched, int newItems, int itemsSeenAgain) {

    public static FileResult refused(String file, String reason, String message) {
        return new FileResult(file, "refused", reason, message, null, 0, 0, 0, 0);
    }

    public static FileResult duplicate(String file) {
        return new FileResult(file, "duplicate", "image.duplicate",
                "the same file was stored before; ignored", null, 0, 0, 0, 0);
    }
}
