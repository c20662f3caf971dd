package org.roadpulse.roadai.tracks;

import org.roadpulse.roadai.roads.GeoPoint;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads the track points ({@code trkpt} with {@code lat}, {@code lon} and a {@code time}) of a GPX 1.0/1.1 file. */
public final class GpxTracks {

    private GpxTracks() {
    }

    public static Track read(InputStream gpx) throws TrackFormatException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false); // no external entities from uploaded files
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<TimedPosition> fixes = new ArrayList<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(gpx);
            GeoPoint point = null;
            int number = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && "trkpt".equals(xml.getLocalName())) {
                    number++;
                    point = position(xml, number);
                } else if (event == XMLStreamConstants.START_ELEMENT && "time".equals(xml.getLocalName())
                        && point != null) {
                    fixes.add(new TimedPosition(time(xml.getElementText(), number), point));
                    point = null;
                } else if (event == XMLStreamConstants.END_ELEMENT && "trkpt".equals(xml.getLocalName())) {
                    point = null; // a point without a time cannot place a frame
                }
            }
        } catch (XMLStreamException e) {
            throw new TrackFormatException("not a readable GPX file: " + e.getMessage(), e);
        }
        if (fixes.isEmpty()) {
            throw new TrackFormatException("the GPX file has no track points with a time");
        }
        return new Track(fixes);
    }

    private static GeoPoint position(XMLStreamReader xml, int number) throws TrackFormatException {
        try {
            return new GeoPoint(Double.parseDouble(xml.getAttributeValue(null, "lat")),
                    Double.parseDouble(xml.getAttributeValue(null, "lon")));
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new TrackFormatException("track point " + number + ": lat and lon must be WGS 84 degrees");
        }
    }

    private static Instant time(String text, int number) throws TrackFormatException {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new TrackFormatException("track point " + number + ": time '" + text + "' is not ISO 8601 UTC");
        }
    }
}
