package org.roadpulse.roadai.tracks;

import org.junit.jupiter.api.Test;
import org.roadpulse.roadai.roads.GeoPoint;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verifies reading tracks from GPX and CSV, and that broken files say what is wrong. */
class TrackFilesTest {

    @Test
    void readsTimedTrackPointsFromGpx() throws Exception {
        Track track = GpxTracks.read(gpx("""
                <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
                  <metadata><time>2026-01-01T00:00:00Z</time></metadata>
                  <trk><trkseg>
                    <trkpt lat="49.35" lon="7.25"><ele>250</ele><time>2026-11-02T09:00:00Z</time></trkpt>
                    <trkpt lat="49.36" lon="7.26"></trkpt>
                    <trkpt lat="49.37" lon="7.27"><time>2026-11-02T09:00:05Z</time></trkpt>
                  </trkseg></trk>
                </gpx>"""));
        assertThat(track.fixes()).extracting(TimedPosition::position)
                .containsExactly(new GeoPoint(49.35, 7.25), new GeoPoint(49.37, 7.27));
        assertThat(track.fixes().get(1).at()).isEqualTo(Instant.parse("2026-11-02T09:00:05Z"));
    }

    @Test
    void gpxErrorsNameThePoint() {
        assertThatThrownBy(() -> GpxTracks.read(gpx("<gpx><trk><trkseg><trkpt lat=\"x\" lon=\"7\"/></trkseg></trk></gpx>")))
                .isInstanceOf(TrackFormatException.class).hasMessageContaining("track point 1");
        assertThatThrownBy(() -> GpxTracks.read(gpx("<gpx></gpx>"))).hasMessageContaining("no track points");
        assertThatThrownBy(() -> GpxTracks.read(gpx("not xml"))).hasMessageContaining("GPX");
    }

    @Test
    void readsCommaAndSemicolonCsv() throws Exception {
        Track comma = CsvTracks.read("time,lat,lon\n2026-11-02T10:00:00+01:00,49.35,7.25\n");
        Track semicolon = CsvTracks.read("\uFEFFTimestamp;Latitude;Longitude\n2026-11-02T09:00:00Z;49,35;7,25\n");
        assertThat(comma.fixes()).isEqualTo(semicolon.fixes());
        assertThat(comma.fixes().get(0).at()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
    }

    @Test
    void csvErrorsNameTheColumnOrRow() {
        assertThatThrownBy(() -> CsvTracks.read("when,lat,lon\nx,1,2\n")).hasMessageContaining("time or timestamp");
        assertThatThrownBy(() -> CsvTracks.read("time,lat,lon\n2026-11-02T09:00:00Z,91,7\n"))
                .hasMessageContaining("row 1");
        assertThatThrownBy(() -> CsvTracks.read("time,lat,lon\nyesterday,49,7\n")).hasMessageContaining("ISO 8601");
    }

    private static ByteArrayInputStream gpx(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
