package org.roadpulse.ingest.flow.export;

import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.xml.sax.SAXException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roadpulse.ingest.flow.export.ExportFixtures.AWKWARD_NAME;
import static org.roadpulse.ingest.flow.export.ExportFixtures.EINBAHN;
import static org.roadpulse.ingest.flow.export.ExportFixtures.RATHAUS;

/**
 * The DATEX II exports: valid against the official v3.6 schemas where they are available, and, always, saying what
 * was measured in the places the schemas give it.
 */
class Datex2ExportTest {

    private final Datex2Export export = new Datex2Export("roadpulse-test", ExportFixtures.CLOCK);

    @Test
    void measuredVolumesAreAValidMeasuredDataPublication() throws Exception {
        Datex2Schema.validate(dailyVolumes());
        Datex2Schema.validate(hourlyVolumes());
    }

    @Test
    void theSitesAreAValidMeasurementSiteTablePublication() throws Exception {
        Datex2Schema.validate(siteTable());
    }

    @Test
    void figuresAreAValidMeasuredDataPublication() throws Exception {
        Datex2Schema.validate(figures());
    }

    @Test
    void theValidationCatchesWhatTheSchemasForbid() throws Exception {
        // GIVEN a valid publication (where the schemas are absent, the test stops here as skipped)
        Datex2Schema.validate(siteTable());
        // AND the same without its mandatory creator
        String valid = new String(siteTable(), StandardCharsets.UTF_8);
        String broken = valid.replaceFirst("<com:publicationCreator>.*?</com:publicationCreator>", "");
        assertThat(broken).isNotEqualTo(valid);

        // WHEN validated THEN refused: a passing validation above means something
        assertThatThrownBy(() -> Datex2Schema.validate(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SAXException.class);
    }

    @Test
    void aPublicationSaysWhatItIsWhenAndByWhom() throws Exception {
        XmlDocument doc = XmlDocument.parse(dailyVolumes());

        assertThat(doc.text("/d2:payload/@xsi:type")).isEqualTo("roa:MeasuredDataPublication");
        assertThat(doc.text("/d2:payload/@lang")).isEqualTo("de");
        assertThat(doc.text("/d2:payload/@modelBaseVersion")).isEqualTo("3");
        assertThat(doc.text("/d2:payload/com:publicationTime")).isEqualTo("2021-04-01T08:00:00Z");
        assertThat(doc.text("/d2:payload/com:publicationCreator/com:country")).isEqualTo("DE");
        assertThat(doc.text("/d2:payload/com:publicationCreator/com:nationalIdentifier")).isEqualTo("roadpulse-test");
        assertThat(doc.text("/d2:payload/roa:measurementSiteTableReference/@id"))
                .isEqualTo(Datex2SiteTable.TABLE_ID);
        assertThat(doc.text("/d2:payload/roa:headerInformation/com:informationStatus")).isEqualTo("real");
        assertThat(doc.count("/d2:payload/roa:siteMeasurements")).isEqualTo(12);
    }

    @Test
    void theDstDaysFlowIsVehiclesPerHourOverItsTwentyThreeHours() throws Exception {
        // GIVEN Rathausstraße forward on the 23-hour 28 March: 3400 vehicles, 2760 Pkw, 266 heavy
        XmlDocument dstDay = bucket(XmlDocument.parse(dailyVolumes()), RATHAUS.id(), "2021-03-28T00:00:00+01:00", 1);

        // THEN the flows are per hour over 23 hours, under the forward block's indices
        assertThat(dstDay.text("roa:measurementTimeDefault/roa:period/com:endOfPeriod"))
                .isEqualTo("2021-03-29T00:00:00+02:00");
        assertThat(flowRate(dstDay, 102)).isEqualTo("148");
        assertThat(flowRate(dstDay, 112)).isEqualTo("120");
        assertThat(flowRate(dstDay, 103)).isEqualTo("12");
        assertThat(dstDay.text(quantity(102) + "//roa:vehicleFlow/@supplierCalculatedDataQuality")).isEqualTo("100");
        // AND the speeds: mean and V85 as the 85th percentile
        assertThat(dstDay.text(quantity(101) + "/roa:physicalQuantity/roa:basicData/@xsi:type"))
                .isEqualTo("roa:TrafficSpeed");
        assertThat(dstDay.text(quantity(101) + "//roa:averageVehicleSpeed/com:speed")).isEqualTo("48");
        assertThat(dstDay.text(quantity(101) + "//roa:speedPercentile/roa:vehiclePercentage/com:percentage"))
                .isEqualTo("85");
        assertThat(dstDay.text(quantity(101) + "//roa:speedPercentile/roa:speedPercentile/com:speed"))
                .isEqualTo("56");
    }

    @Test
    void everyCategoryWithAMatchingVehicleTypeHasItsOwnFlow() throws Exception {
        XmlDocument day = bucket(XmlDocument.parse(dailyVolumes()), RATHAUS.id(), "2021-03-27T00:00:00+01:00", 1);

        // total, heavy, the nine 8+1 categories and the speeds
        assertThat(day.count("roa:physicalQuantity")).isEqualTo(2 + 9 + 1);
        assertThat(flowRate(day, 111)).isEqualTo("2");   // Krad: 40 in 24 h
        assertThat(flowRate(day, 117)).isEqualTo("3");   // SattelKfz: 80 in 24 h
    }

    @Test
    void anUnmeasuredBucketHasANoDataFaultAndNoValues() throws Exception {
        XmlDocument gap = bucket(XmlDocument.parse(dailyVolumes()), RATHAUS.id(), "2021-03-30T00:00:00+02:00", 1);

        assertThat(gap.count("roa:physicalQuantity")).isEqualTo(1);
        assertThat(gap.text(quantity(102) + "/roa:physicalQuantity/roa:physicalQuantityFault/"
                + "roa:physicalQuantityFaultType")).isEqualTo("noDataValuesAvailable");
        assertThat(gap.count(".//roa:basicData")).isZero();
    }

    @Test
    void aHalfMeasuredBucketCarriesItsMeasuredShareAsDataQuality() throws Exception {
        XmlDocument half = bucket(XmlDocument.parse(dailyVolumes()), RATHAUS.id(), "2021-03-29T00:00:00+02:00", 1);

        assertThat(half.text(quantity(102) + "//roa:vehicleFlow/@supplierCalculatedDataQuality")).isEqualTo("50");
        assertThat(half.text(quantity(101) + "//roa:averageVehicleSpeed/com:speed")).isEqualTo("46.5");
        assertThat(half.count(quantity(101) + "//roa:speedPercentile")).isZero();
    }

    @Test
    void vehiclesCountedCoarserAppearOnlyInTotalAndHeavy() throws Exception {
        XmlDocument einbahn = bucket(XmlDocument.parse(dailyVolumes()), EINBAHN.id(), "2021-03-27T00:00:00+01:00", 1);

        assertThat(einbahn.count("roa:physicalQuantity")).isEqualTo(3);
        assertThat(flowRate(einbahn, 102)).isEqualTo("50");  // 1200 in 24 h
        assertThat(flowRate(einbahn, 103)).isEqualTo("4");   // 100 in 24 h
    }

    @Test
    void aTwoPlusOneCrossSectionUsesTheCrossSectionBlockAndItsOwnCategories() throws Exception {
        // GIVEN one cross-section hour in 2+1: 30 car-like, 4 truck-like, 1 unclassifiable
        XmlDocument hour = bucket(XmlDocument.parse(hourlyVolumes()), RATHAUS.id(), "2021-03-28T01:00:00+01:00", 0);

        // THEN total, heavy, PkwAehnlich and nkKfz (LkwAehnlich is the heavy count) and the speeds
        assertThat(hour.count("roa:physicalQuantity")).isEqualTo(5);
        assertThat(flowRate(hour, 2)).isEqualTo("35");
        assertThat(flowRate(hour, 3)).isEqualTo("4");
        assertThat(flowRate(hour, 31)).isEqualTo("30");
        assertThat(flowRate(hour, 19)).isEqualTo("1");
    }

    @Test
    void everyIndexAMeasurementUsesIsExplainedInTheSiteTableOfTheSameVersion() throws Exception {
        XmlDocument table = XmlDocument.parse(siteTable());
        for (byte[] measured : List.of(dailyVolumes(), hourlyVolumes(), figures())) {
            for (XmlDocument site : XmlDocument.parse(measured).nodes("//roa:siteMeasurements")) {
                String id = site.text("roa:measurementSiteReference/@id");
                String version = site.text("roa:measurementSiteReference/@version");
                String record = "//roa:measurementSite[@id='" + id + "']";
                assertThat(table.text(record + "/@version")).as(id).isEqualTo(version);
                for (XmlDocument value : site.nodes("roa:physicalQuantity")) {
                    String index = value.text("@index");
                    assertThat(table.count(record + "/roa:measurementSpecificCharacteristics[@index='" + index + "']"))
                            .as(id + " index " + index).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void theSiteTableSaysWhatEachIndexMeans() throws Exception {
        XmlDocument table = XmlDocument.parse(siteTable());
        String rathaus = "//roa:measurementSite[@id='" + RATHAUS.id() + "']/roa:measurementSpecificCharacteristics";

        assertThat(table.text(rathaus + "[@index='112']//roa:specificMeasurementValueType")).isEqualTo("trafficFlow");
        assertThat(table.text(rathaus + "[@index='112']//roa:measurementSide")).isEqualTo("aligned");
        assertThat(table.text(rathaus + "[@index='112']//com:vehicleType")).isEqualTo("car");
        assertThat(table.text(rathaus + "[@index='201']//roa:specificMeasurementValueType"))
                .isEqualTo("trafficSpeed");
        assertThat(table.text(rathaus + "[@index='201']//roa:measurementSide")).isEqualTo("opposite");
        assertThat(table.text(rathaus + "[@index='2']//roa:measurementSide")).isEqualTo("bothWays");
        assertThat(table.text(rathaus + "[@index='3']//com:vehicleType")).isEqualTo("heavyVehicle");
        assertThat(table.count(rathaus + "[@index='21']//com:vehicleType")).isEqualTo(3);
        // a one-way site: its cross-section is its one direction, and it has no backward block
        String einbahn = "//roa:measurementSite[@id='" + EINBAHN.id() + "']/roa:measurementSpecificCharacteristics";
        assertThat(table.text(einbahn + "[@index='2']//roa:measurementSide")).isEqualTo("aligned");
        assertThat(table.count(einbahn + "[@index >= 200]")).isZero();
    }

    @Test
    void theSiteTableDescribesEachSite() throws Exception {
        XmlDocument table = XmlDocument.parse(siteTable());
        String rathaus = "//roa:measurementSite[@id='" + RATHAUS.id() + "']";

        assertThat(table.text("/d2:payload/@xsi:type")).isEqualTo("roa:MeasurementSiteTablePublication");
        assertThat(table.count("//roa:measurementSite")).isEqualTo(2);
        assertThat(table.text(rathaus + "/roa:measurementSiteName/com:values/com:value")).isEqualTo(AWKWARD_NAME);
        assertThat(table.text(rathaus + "/roa:measurementSiteName/com:values/com:value/@lang")).isEqualTo("de");
        assertThat(table.text(rathaus + "/roa:measurementSiteNumberOfLanes")).isEqualTo("2");
        String location = rathaus + "/roa:measurementSiteLocation";
        assertThat(table.text(location + "/@xsi:type")).isEqualTo("loc:PointLocation");
        assertThat(table.text(location + "//loc:pointCoordinates/loc:latitude")).isEqualTo("49.3466");
        assertThat(table.text(location + "//loc:pointCoordinates/loc:longitude")).isEqualTo("7.2597");
        assertThat(table.text(location + "//loc:roadInformation/loc:roadNumber")).isEqualTo("L 119");
        assertThat(table.text(location + "//loc:roadInformation/loc:roadName")).isEqualTo("Rathausstraße");
        assertThat(table.text(location + "/loc:externalReferencing/loc:externalLocationCode")).isEqualTo("10045111");
    }

    @Test
    void aSitesVersionChangesWhenItsRecordDoes() {
        MeasurementSite moved = new MeasurementSite(RATHAUS.id(), RATHAUS.municipality(),
                RATHAUS.name(), RATHAUS.roadName(), RATHAUS.roadNumber(), 49.35, RATHAUS.longitude(),
                RATHAUS.lanesForward(), RATHAUS.lanesBackward(), RATHAUS.forwardLabel(), RATHAUS.backwardLabel(),
                RATHAUS.speedLimitKmh(), RATHAUS.devices());

        assertThat(Datex2SiteTable.version(RATHAUS)).isEqualTo(Datex2SiteTable.version(RATHAUS));
        assertThat(Datex2SiteTable.version(moved)).isNotEqualTo(Datex2SiteTable.version(RATHAUS));
    }

    @Test
    void dtvOverACalendarYearIsAnnualAverageDailyTraffic() throws Exception {
        XmlDocument year = bucket(XmlDocument.parse(figures()), RATHAUS.id(), "2021-01-01T00:00:00+01:00", 0);

        assertThat(year.text(quantity(2) + "//roa:annualAverageDailyTraffic/roa:vehicleFlowRate")).isEqualTo("6543");
        assertThat(year.text(quantity(3) + "//roa:annualAverageDailyTraffic/roa:vehicleFlowRate")).isEqualTo("510");
        assertThat(year.text(quantity(1) + "//roa:speedPercentile/roa:speedPercentile/com:speed")).isEqualTo("55.6");
    }

    @Test
    void dtvOverAnyOtherPeriodHasNoDatex2ElementAndOnlyTheSpeedsRemain() throws Exception {
        XmlDocument days = bucket(XmlDocument.parse(figures()), RATHAUS.id(), "2021-03-27T00:00:00+01:00", 1);
        XmlDocument none = bucket(XmlDocument.parse(figures()), EINBAHN.id(), "2021-03-27T00:00:00+01:00", 1);

        assertThat(days.count("roa:physicalQuantity")).isEqualTo(1);
        assertThat(days.text(quantity(101) + "//roa:averageVehicleSpeed/com:speed")).isEqualTo("47.6");
        assertThat(none.text(quantity(102) + "//roa:physicalQuantityFaultType")).isEqualTo("noDataValuesAvailable");
    }

    @Test
    void anEmptyPublicationIsRefusedBeforeAnythingIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> export.writeSiteTable(List.of(), out)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> export.writeMeasuredData(ExportFixtures.dailyQuery(), List.of(), out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(out.size()).isZero();
    }

    /** The measurements of one site and bucket start, in the block of the given direction (0, 1 or 2). */
    private static XmlDocument bucket(XmlDocument doc, String siteId, String start, int block) throws Exception {
        List<XmlDocument> found = doc.nodes("//roa:siteMeasurements[roa:measurementSiteReference/@id='" + siteId
                + "' and roa:measurementTimeDefault/roa:period/com:startOfPeriod='" + start
                + "' and roa:physicalQuantity[floor(@index div 100) = " + block + "]]");
        assertThat(found).as(siteId + " " + start + " block " + block).hasSize(1);
        return found.get(0);
    }

    private static String quantity(int index) {
        return "roa:physicalQuantity[@index='" + index + "']";
    }

    private static String flowRate(XmlDocument site, int index) throws Exception {
        return site.text(quantity(index) + "//roa:vehicleFlow/com:vehicleFlowRate");
    }

    private byte[] dailyVolumes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeMeasuredData(ExportFixtures.dailyQuery(), ExportFixtures.dailySeries(), out);
        return out.toByteArray();
    }

    private byte[] hourlyVolumes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeMeasuredData(ExportFixtures.hourlyQuery(), ExportFixtures.hourlySeries(), out);
        return out.toByteArray();
    }

    private byte[] siteTable() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeSiteTable(List.of(RATHAUS, EINBAHN), out);
        return out.toByteArray();
    }

    private byte[] figures() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeFigures(List.of(RATHAUS, EINBAHN), ExportFixtures.figures(), out);
        return out.toByteArray();
    }
}
