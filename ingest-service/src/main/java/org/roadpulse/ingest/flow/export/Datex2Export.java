package org.roadpulse.ingest.flow.export;

import io.micronaut.core.annotation.Nullable;
import org.roadpulse.ingest.flow.FlowQuery;
import org.roadpulse.ingest.flow.StandardFigures;
import org.roadpulse.ingest.flow.VolumeSeries;
import org.roadpulse.ingest.sites.MeasurementSite;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * DATEX II v3.6 (CEN/TS 16157) publications, UTF-8 XML, each a {@code d2:payload} element as
 * {@code DATEXII_3_D2Payload.xsd} defines it: measured volumes ({@code MeasuredDataPublication}) and the sites they
 * were measured at ({@code MeasurementSiteTablePublication}). Measured values name only a site and an index; the
 * site table says what each index means, so a consumer needs both (see {@link Datex2Index}).
 *
 * <p>Written as produced, so long series stream; the stream is flushed, not closed. DATEX II requires at least one
 * site (or measurement) per publication: an empty input is refused before anything is written.
 */
public final class Datex2Export {

    private final String nationalIdentifier;
    private final Clock clock;

    /**
     * @param nationalIdentifier the publisher, as DATEX II's {@code publicationCreator} (with country DE) names it,
     *                           e.g. its identifier at the national access point
     * @param clock              for the publication time
     */
    public Datex2Export(String nationalIdentifier, Clock clock) {
        this.nationalIdentifier = nationalIdentifier;
        this.clock = clock;
    }

    /** {@code GET /api/v1/flow/volumes.datex2.xml}: one {@code siteMeasurements} per site, direction and bucket. */
    public void writeMeasuredData(FlowQuery query, List<VolumeSeries> series, OutputStream out) throws IOException {
        if (series.stream().allMatch(s -> s.buckets().isEmpty())) {
            throw new IllegalArgumentException("a DATEX II MeasuredDataPublication needs at least one bucket");
        }
        Map<String, MeasurementSite> sites = byId(query.sites());
        write(out, "MeasuredDataPublication", (xml, measurements) -> {
            startMeasuredData(xml);
            for (VolumeSeries one : series) {
                measurements.volumes(one, versionOf(sites, one.siteId()), query.period().zone());
            }
        });
    }

    /**
     * The standard figures as measured data over each figure's period: DTV and DTV_SV as annual (or monthly) average
     * daily traffic where the period is a calendar year (or month), mean speed and V85 always.
     */
    public void writeFigures(List<MeasurementSite> sites, List<StandardFigures> figures, OutputStream out)
            throws IOException {
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("a DATEX II MeasuredDataPublication needs at least one figure");
        }
        Map<String, MeasurementSite> byId = byId(sites);
        write(out, "MeasuredDataPublication", (xml, measurements) -> {
            startMeasuredData(xml);
            for (StandardFigures one : figures) {
                measurements.figures(one, versionOf(byId, one.siteId()));
            }
        });
    }

    /** {@code GET /api/v1/sites.datex2.xml}: one {@code measurementSite} per site. */
    public void writeSiteTable(List<MeasurementSite> sites, OutputStream out) throws IOException {
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("a DATEX II MeasurementSiteTablePublication needs at least one site");
        }
        write(out, "MeasurementSiteTablePublication", (xml, measurements) -> {
            headerInformation(xml);
            new Datex2SiteTable(xml).write(sites);
        });
    }

    private interface Body {
        void write(Datex2Xml xml, Datex2Measurements measurements) throws XMLStreamException;
    }

    private void write(OutputStream out, String publicationType, Body body) throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            Datex2Xml xml = new Datex2Xml(out);
            xml.startPayload(publicationType, now, nationalIdentifier);
            body.write(xml, new Datex2Measurements(xml, now));
            xml.endPayload();
        } catch (XMLStreamException e) {
            throw new IOException("could not write DATEX II " + publicationType, e);
        }
        out.flush();
    }

    private static void startMeasuredData(Datex2Xml xml) throws XMLStreamException {
        xml.start(Datex2Xml.ROA, "measurementSiteTableReference");
        xml.attribute("id", Datex2SiteTable.TABLE_ID);
        xml.attribute("targetClass", "roa:MeasurementSiteTable");
        xml.end();
        headerInformation(xml);
    }

    private static void headerInformation(Datex2Xml xml) throws XMLStreamException {
        xml.start(Datex2Xml.ROA, "headerInformation");
        xml.leaf(Datex2Xml.COM, "informationStatus", "real");
        xml.end();
    }

    /** Null when the site is not among those given: the reference then names the site without a version. */
    private static @Nullable String versionOf(Map<String, MeasurementSite> sites, String siteId) {
        MeasurementSite site = sites.get(siteId);
        return site == null ? null : Datex2SiteTable.version(site);
    }

    private static Map<String, MeasurementSite> byId(List<MeasurementSite> sites) {
        return sites.stream().collect(Collectors.toMap(MeasurementSite::id, Function.identity(), (a, b) -> a));
    }
}
