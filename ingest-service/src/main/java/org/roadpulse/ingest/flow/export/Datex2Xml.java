package org.roadpulse.ingest.flow.export;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes DATEX II v3 XML element by element (StAX, so large publications stream). Each element goes in the
 * namespace of the schema that declares it, which is not the one of its parent: a {@code roa:vehicleFlow} holds a
 * {@code com:vehicleFlowRate}. All prefixes are declared once, on the payload element.
 */
final class Datex2Xml {

    static final String D2 = "http://datex2.eu/schema/3/d2Payload";
    static final String COM = "http://datex2.eu/schema/3/common";
    static final String ROA = "http://datex2.eu/schema/3/roadTrafficData";
    static final String LOC = "http://datex2.eu/schema/3/locationReferencing";
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final Map<String, String> PREFIXES = prefixes();

    private final XMLStreamWriter xml;

    Datex2Xml(OutputStream out) throws XMLStreamException {
        // The JDK's own writer, whatever else the classpath offers: its output is what the tests validate.
        xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
    }

    /**
     * Opens the {@code d2:payload} element as a publication of the given type ({@code roa:...}) with what every
     * publication starts with: when it was made and who made it (country DE and the publisher's national identifier).
     */
    void startPayload(String publicationType, Instant publicationTime, String nationalIdentifier)
            throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("d2", "payload", D2);
        for (Map.Entry<String, String> namespace : PREFIXES.entrySet()) {
            xml.writeNamespace(namespace.getValue(), namespace.getKey());
        }
        xml.writeAttribute("xsi", XSI, "type", "roa:" + publicationType);
        xml.writeAttribute("lang", "de");
        xml.writeAttribute("modelBaseVersion", "3");
        leaf(COM, "publicationTime", dateTime(publicationTime));
        start(COM, "publicationCreator");
        leaf(COM, "country", "DE");
        leaf(COM, "nationalIdentifier", nationalIdentifier);
        end();
    }

    void endPayload() throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    void start(String namespace, String name) throws XMLStreamException {
        xml.writeStartElement(PREFIXES.get(namespace), name, namespace);
    }

    /** Starts an element whose schema type is abstract, naming the concrete type, e.g. "roa:TrafficFlow". */
    void start(String namespace, String name, String xsiType) throws XMLStreamException {
        start(namespace, name);
        xml.writeAttribute("xsi", XSI, "type", xsiType);
    }

    void attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, value);
    }

    void leaf(String namespace, String name, String text) throws XMLStreamException {
        start(namespace, name);
        xml.writeCharacters(text);
        end();
    }

    /** A {@code MultilingualString} with one German value. */
    void german(String namespace, String name, String text) throws XMLStreamException {
        start(namespace, name);
        start(COM, "values");
        start(COM, "value");
        xml.writeAttribute("lang", "de");
        xml.writeCharacters(text);
        end();
        end();
        end();
    }

    void end() throws XMLStreamException {
        xml.writeEndElement();
    }

    /** Namespace to prefix, in a fixed order so that the same data gives the same bytes. */
    private static Map<String, String> prefixes() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put(D2, "d2");
        prefixes.put(COM, "com");
        prefixes.put(LOC, "loc");
        prefixes.put(ROA, "roa");
        prefixes.put(XSI, "xsi");
        return prefixes;
    }

    static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Local time with its offset: DATEX II allows any offset, and planners read the local hour. */
    static String dateTime(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** A decimal for an {@code xs:float} element, without exponent notation. */
    static String decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
