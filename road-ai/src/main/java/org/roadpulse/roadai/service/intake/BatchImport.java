package org.roadpulse.roadai.service.intake;

import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.roadpulse.roadai.service.domain.Municipality;
import org.roadpulse.roadai.tracks.CsvTracks;
import org.roadpulse.roadai.tracks.GpxTracks;
import org.roadpulse.roadai.tracks.Track;
import org.roadpulse.roadai.tracks.TrackFormatException;

/**
 * A folder of one drive: its images, and optionally the drive's GPX or CSV track to place images without EXIF GPS.
 * Every file gets its own line in the report; each image is stored whole or not at all.
 */
@Singleton
public final class BatchImport {

    private final ImageIntake intake;

    public BatchImport(ImageIntake intake) {
        this.intake = intake;
    }

    /** Reads a track: GPX when the name ends in .gpx or the content is XML, CSV otherwise. */
    public static Track track(String name, byte[] bytes) throws TrackFormatException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean gpx = name.toLowerCase(java.util.Locale.ROOT).endsWith(".gpx") || text.stripLeading().startsWith("<");
        return gpx ? GpxTracks.read(new ByteArrayInputStream(bytes)) : CsvTracks.read(text);
    }

    public BatchReport run(Municipality municipality, List<IncomingImage> files, Track track) {
        List<FileResult> results = new ArrayList<>();
        for (IncomingImage file : files) {
            results.add(intake.accept(municipality, file, track));
        }
        return BatchReport.of(results);
    }
}
