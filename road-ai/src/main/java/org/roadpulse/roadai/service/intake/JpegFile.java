package org.roadpulse.roadai.service.intake;

import java.util.Optional;

/**
 * The checks a file passes before anything else is done with it: it is a JPEG (starts with the SOI marker) and it
 * is whole (ends with the EOI marker; cameras may pad with zero bytes after it). A truncated upload otherwise decodes
 * into a half-grey picture that the model would read as road.
 */
public final class JpegFile {

    private JpegFile() {
    }

    /** The refusal reason ({@code file.empty}, {@code file.not_jpeg}, {@code file.truncated}), or empty when fine. */
    public static Optional<String> refusal(byte[] bytes) {
        if (bytes.length == 0) {
            return Optional.of("file.empty");
        }
        if (bytes.length < 4 || (bytes[0] & 0xFF) != 0xFF || (bytes[1] & 0xFF) != 0xD8 || (bytes[2] & 0xFF) != 0xFF) {
            return Optional.of("file.not_jpeg");
        }
        int end = bytes.length - 1;
        while (end > 1 && bytes[end] == 0) {
            end--;
        }
        if ((bytes[end - 1] & 0xFF) != 0xFF || (bytes[end] & 0xFF) != 0xD9) {
            return Optional.of("file.truncated");
        }
        return Optional.empty();
    }
}
