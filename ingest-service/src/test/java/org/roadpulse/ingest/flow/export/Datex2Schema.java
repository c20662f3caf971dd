package org.roadpulse.ingest.flow.export;

import org.junit.jupiter.api.Assumptions;
import org.roadpulse.protocol.testing.SharedData;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The official DATEX II v3.6 schemas from the shared data folder ({@code datex2-v3.6/}, found by {@link SharedData}).
 * Tests that validate against them are skipped, not failed, where the folder is absent.
 */
final class Datex2Schema {

    private static final String PAYLOAD_XSD = "datex2-v3.6/DATEXII_3_D2Payload.xsd";
    private static Schema schema;

    private Datex2Schema() {
    }

    /** Validates a document against the schemas; fails with the validator's message and position. */
    static void validate(byte[] xml) throws IOException, SAXException {
        load().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    /** Parsing the 20-odd schema files takes a second or two: once per test run. */
    private static synchronized Schema load() throws SAXException {
        if (schema == null) {
            Optional<Path> payload = find();
            Assumptions.assumeTrue(payload.isPresent(), "DATEX II v3.6 schemas not found; validation skipped");
            schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(payload.get().toFile());
        }
        return schema;
    }

    private static Optional<Path> find() {
        return SharedData.find(PAYLOAD_XSD);
    }
}
