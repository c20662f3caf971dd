package org.roadpulse.ingest.flow.export;

import io.micronaut.core.annotation.Nullable;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.protocol.Direction;

import javax.xml.stream.XMLStreamException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

import static org.roadpulse.ingest.flow.export.Datex2Xml.COM;
import static org.roadpulse.ingest.flow.export.Datex2Xml.LOC;
import static org.roadpulse.ingest.flow.export.Datex2Xml.ROA;

/**
 * The body of a {@code MeasurementSiteTablePublication}: one {@code measurementSite} per site with its name,
 * number of lanes, location (a point, the road's name and number, the municipality's AGS) and the meaning of every
 * index its measured values may use.
 */
final class Datex2SiteTable {

    /** The table's id; the publication creator makes it unique. */
    static final String TABLE_ID = "measurement-sites";

    private final Datex2Xml xml;

    Datex2SiteTable(Datex2Xml xml) {
        this.xml = xml;
    }

    void write(List<MeasurementSite> sites) throws XMLStreamException {
        xml.start(ROA, "measurementSiteTable");
        xml.attribute("id", TABLE_ID);
        xml.attribute("version", tableVersion(sites));
        for (MeasurementSite site : sites) {
            site(site);
        }
        xml.end();
    }

    /**
     * DATEX II versions every site record, and measured values reference id and version. The sites carry no
     * version of their own, so it is derived from what the record says: it changes exactly when the record does.
     */
    static String version(MeasurementSite site) {
        return crc(String.join("\u001f", site.id(), site.municipality(), site.name(),
                Objects.toString(site.roadName(), ""), Objects.toString(site.roadNumber(), ""),
                Double.toString(site.latitude()), Double.toString(site.longitude()),
                Integer.toString(site.lanesForward()), Integer.toString(site.lanesBackward())));
    }

    private static String tableVersion(List<MeasurementSite> sites) {
        return crc(String.join(",", sites.stream().map(s -> s.id() + ":" + version(s)).toList()));
    }

    private static String crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private void site(MeasurementSite site) throws XMLStreamException {
        xml.start(ROA, "measurementSite");
        xml.attribute("id", site.id());
        xml.attribute("version", version(site));
        xml.german(ROA, "measurementSiteName", site.name());
        xml.leaf(ROA, "measurementSiteNumberOfLanes",
                Integer.toString(site.lanesForward() + site.lanesBackward()));
        xml.leaf(ROA, "measurementSiteIdentification", site.id());
        for (Direction direction : sidesOf(site)) {
            characteristics(site, direction);
        }
        location(site);
        xml.end();
    }

    /** The cross-section (null) and every direction with lanes. */
    private static List<Direction> sidesOf(MeasurementSite site) {
        List<Direction> sides = new ArrayList<>();
        sides.add(null);
        sides.addAll(site.directions());
        return sides;
    }

    private void characteristics(MeasurementSite site, @Nullable Direction direction) throws XMLStreamException {
        String side = Datex2Index.side(direction, site);
        characteristic(Datex2Index.speed(direction), side, "trafficSpeed", List.of("anyVehicle"));
        for (ExchangeCategory category : Arrays.stream(ExchangeCategory.values())
                .sorted(Comparator.comparingInt(ExchangeCategory::number)).toList()) {
            characteristic(Datex2Index.flow(direction, category), side, "trafficFlow", category.datexVehicleTypes());
        }
    }

    private void characteristic(int index, String side, String valueType, List<String> vehicleTypes)
            throws XMLStreamException {
        xml.start(ROA, "measurementSpecificCharacteristics");
        xml.attribute("index", Integer.toString(index));
        xml.start(ROA, "measurementSpecificCharacteristics");
        xml.leaf(ROA, "measurementSide", side);
        xml.leaf(ROA, "specificMeasurementValueType", valueType);
        xml.start(ROA, "specificVehicleCharacteristics");
        for (String vehicleType : vehicleTypes) {
            xml.leaf(COM, "vehicleType", vehicleType);
        }
        xml.end();
        xml.end();
        xml.end();
    }

    private void location(MeasurementSite site) throws XMLStreamException {
        xml.start(ROA, "measurementSiteLocation", "loc:PointLocation");
        // The official municipality key, so that consumers can place the site in its municipality.
        xml.start(LOC, "externalReferencing");
        xml.leaf(LOC, "externalLocationCode", site.municipality());
        xml.leaf(LOC, "externalReferencingSystem", "AGS");
        xml.end();
        if (site.roadName() != null || site.roadNumber() != null) {
            xml.start(LOC, "supplementaryPositionalDescription");
            xml.start(LOC, "roadInformation");
            if (site.roadName() != null) {
                xml.leaf(LOC, "roadName", site.roadName());
            }
            if (site.roadNumber() != null) {
                xml.leaf(LOC, "roadNumber", site.roadNumber());
            }
            xml.end();
            xml.end();
        }
        xml.start(LOC, "pointByCoordinates");
        xml.start(LOC, "pointCoordinates");
        xml.leaf(LOC, "latitude", Datex2Xml.decimal(site.latitude(), 6));
        xml.leaf(LOC, "longitude", Datex2Xml.decimal(site.longitude(), 6));
        xml.end();
        xml.end();
        xml.end();
    }
}
