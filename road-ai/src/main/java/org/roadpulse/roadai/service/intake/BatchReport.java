package org.roadpulse.roadai.service.intake;

import java.util.List;

/** The result of a folder import: one line per file, and the totals. */
@io.micronaut.serde.annotation.Serdeable
public record BatchReport(int stored, int duplicates, int refused, List<FileResult> files) {

    public static BatchReport of(List<FileResult> files) {
        int stored = 0, duplicates = 0, refused = 0;
        for (FileResult file : files) {
            switch (file.outcome()) {
                case "stored" -> stored++;
                case "duplicate" -> duplicates++;
                default -> refused++;
            }
        }
        return new BatchReport(stored, duplicates, refused, List.copyOf(files));
    }
}
