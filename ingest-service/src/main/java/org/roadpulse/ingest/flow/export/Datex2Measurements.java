package org.roadpulse.ingest.flow.export;

import io.micronaut.core.annotation.Nullable;
import org.roadpulse.ingest.flow.ClassGroup;
import org.roadpulse.ingest.flow.Completeness;
import org.roadpulse.ingest.flow.Period;
import org.roadpulse.ingest.flow.StandardFigures;
import org.roadpulse.ingest.flow.VolumeBucket;
import org.roadpulse.ingest.flow.VolumeSeries;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.VehicleClass;

import javax.xml.stream.XMLStreamException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.roadpulse.ingest.flow.export.Datex2Xml.COM;
import static org.roadpulse.ingest.flow.export.Datex2Xml.ROA;

/**
 * {@code siteMeasurements} of a {@code MeasuredDataPublication}: one per site, direction and bucket (or period,
 * for figures), each value under the index the site table explains ({@link Datex2Index}).
 *
 * <p>Rules: flows are vehicles per hour over the bucket's real length (a DST day has 23 or 25 hours), rounded to a
 * whole vehicle as DATEX II requires; every flow carries the bucket's measured share as
 * {@code supplierCalculatedDataQuality} (percent), since an incomplete bucket counts only part of its traffic; a
 * bucket with nothing measured has a {@code noDataValuesAvailable} fault instead of values, never a zero.
 */
final class Datex2Measurements {

    private final Datex2Xml xml;
    private final Instant publicationTime;

    Datex2Measurements(Datex2Xml xml, Instant publicationTime) {
        this.xml = xml;
        this.publicationTime = publicationTime;
    }

    void volumes(VolumeSeries series, @Nullable String siteVersion, ZoneId zone) throws XMLStreamException {
        Direction direction = series.direction();
        for (VolumeBucket bucket : series.buckets()) {
            startSite(series.siteId(), siteVersion);
            if (!bucket.measured()) {
                noData(Datex2Index.flow(direction, ExchangeCategory.ALL));
            } else {
                double hours = Duration.between(bucket.start(), bucket.end()).getSeconds() / 3600.0;
                double quality = quality(bucket.completeness());
                hourlyFlow(Datex2Index.flow(direction, ExchangeCategory.ALL), bucket.total() / hours, quality);
                if (bucket.heavy() != null) {
                    hourlyFlow(Datex2Index.flow(direction, ExchangeCategory.HEAVY), bucket.heavy() / hours, quality);
                }
                categoryFlows(series.classes(), bucket, direction, hours, quality);
                speed(Datex2Index.speed(direction), bucket.meanSpeedKmh(), bucket.v85Kmh());
            }
            time(bucket.start(), bucket.end(), zone);
            xml.end();
        }
    }

    /**
     * DTV fits DATEX II only as an annual (a whole calendar year) or monthly (a whole calendar month) average daily
     * traffic; over any other period the flows are left out and only the speeds remain.
     */
    void figures(StandardFigures figures, @Nullable String siteVersion) throws XMLStreamException {
        Direction direction = figures.direction();
        startSite(figures.siteId(), siteVersion);
        Optional<String> average = dailyAverageElement(figures.period());
        double quality = quality(figures.completeness());
        if (figures.dtv() == null) {
            noData(Datex2Index.flow(direction, ExchangeCategory.ALL));
        } else if (average.isPresent()) {
            dailyFlow(Datex2Index.flow(direction, ExchangeCategory.ALL), average.get(), figures.dtv(), quality);
            if (figures.dtvSv() != null) {
                dailyFlow(Datex2Index.flow(direction, ExchangeCategory.HEAVY), average.get(), figures.dtvSv(),
                        quality);
            }
        }
        speed(Datex2Index.speed(direction), figures.speed().meanKmh(), figures.speed().v85Kmh());
        time(figures.period().from(), figures.period().to(), figures.period().zone());
        xml.end();
    }

    /**
     * The group's categories, except those that sum every class or every heavy class: the total and heavy count
     * already stand at those indices (and, unlike a category, include vehicles counted at a coarser scheme).
     */
    private void categoryFlows(ClassGroup classes, VolumeBucket bucket, @Nullable Direction direction, double hours,
                               double quality) throws XMLStreamException {
        for (Map.Entry<String, Set<VehicleClass>> category : classes.categories().entrySet()) {
            Long volume = bucket.volumes().get(category.getKey());
            Optional<ExchangeCategory> exchange = ExchangeCategory.summing(category.getValue());
            if (volume == null || exchange.isEmpty()
                    || exchange.get() == ExchangeCategory.ALL || exchange.get() == ExchangeCategory.HEAVY) {
                continue;
            }
            hourlyFlow(Datex2Index.flow(direction, exchange.get()), volume / hours, quality);
        }
    }

    private void startSite(String siteId, @Nullable String siteVersion) throws XMLStreamException {
        xml.start(ROA, "siteMeasurements");
        xml.start(ROA, "measurementSiteReference");
        xml.attribute("id", siteId);
        if (siteVersion != null) {
            xml.attribute("version", siteVersion);
        }
        xml.attribute("targetClass", "roa:MeasurementSite");
        xml.end();
    }

    private void hourlyFlow(int index, double vehiclesPerHour, double quality) throws XMLStreamException {
        startValue(index, "roa:TrafficFlow");
        xml.start(ROA, "vehicleFlow");
        xml.attribute("supplierCalculatedDataQuality", Datex2Xml.decimal(quality, 1));
        xml.leaf(COM, "vehicleFlowRate", Long.toString(Math.round(vehiclesPerHour)));
        xml.end();
        endValue();
    }

    private void dailyFlow(int index, String element, double vehiclesPerDay, double quality)
            throws XMLStreamException {
        startValue(index, "roa:TrafficFlow");
        xml.start(ROA, element);
        xml.attribute("supplierCalculatedDataQuality", Datex2Xml.decimal(quality, 1));
        xml.leaf(ROA, "vehicleFlowRate", Long.toString(Math.round(vehiclesPerDay)));
        xml.end();
        endValue();
    }

    private void speed(int index, @Nullable Double meanKmh, @Nullable Double v85Kmh) throws XMLStreamException {
        if (meanKmh == null && v85Kmh == null) {
            return;
        }
        startValue(index, "roa:TrafficSpeed");
        if (meanKmh != null) {
            xml.start(ROA, "averageVehicleSpeed");
            xml.leaf(COM, "speed", Datex2Xml.decimal(meanKmh, 1));
            xml.end();
        }
        if (v85Kmh != null) {
            xml.start(ROA, "speedPercentile");
            xml.start(ROA, "vehiclePercentage");
            xml.leaf(COM, "percentage", "85");
            xml.end();
            xml.start(ROA, "speedPercentile");
            xml.leaf(COM, "speed", Datex2Xml.decimal(v85Kmh, 1));
            xml.end();
            xml.end();
        }
        endValue();
    }

    private void noData(int index) throws XMLStreamException {
        xml.start(ROA, "physicalQuantity");
        xml.attribute("index", Integer.toString(index));
        xml.start(ROA, "physicalQuantity", "roa:SinglePhysicalQuantity");
        xml.start(ROA, "physicalQuantityFault");
        xml.leaf(COM, "faultLastUpdateTime", Datex2Xml.dateTime(publicationTime));
        xml.leaf(ROA, "physicalQuantityFaultType", "noDataValuesAvailable");
        xml.end();
        xml.end();
        xml.end();
    }

    /** The indexed wrapper, the quantity and its basic data: three elements closed by {@link #endValue()}. */
    private void startValue(int index, String basicDataType) throws XMLStreamException {
        xml.start(ROA, "physicalQuantity");
        xml.attribute("index", Integer.toString(index));
        xml.start(ROA, "physicalQuantity", "roa:SinglePhysicalQuantity");
        xml.start(ROA, "basicData", basicDataType);
    }

    private void endValue() throws XMLStreamException {
        xml.end();
        xml.end();
        xml.end();
    }

    private void time(Instant start, Instant end, ZoneId zone) throws XMLStreamException {
        xml.start(ROA, "measurementTimeDefault");
        xml.leaf(ROA, "timeMeaning", "beginTime");
        xml.leaf(ROA, "timeValue", Datex2Xml.dateTime(start, zone));
        xml.start(ROA, "period");
        xml.leaf(COM, "startOfPeriod", Datex2Xml.dateTime(start, zone));
        xml.leaf(COM, "endOfPeriod", Datex2Xml.dateTime(end, zone));
        xml.end();
        xml.end();
    }

    private static double quality(Completeness completeness) {
        return completeness.ratio() * 100.0;
    }

    private static Optional<String> dailyAverageElement(Period period) {
        LocalDate first = period.firstDay();
        boolean wholeDays = first.atStartOfDay(period.zone()).toInstant().equals(period.from())
                && period.endDay().atStartOfDay(period.zone()).toInstant().equals(period.to());
        if (wholeDays && first.getDayOfYear() == 1 && period.endDay().equals(first.plusYears(1))) {
            return Optional.of("annualAverageDailyTraffic");
        }
        if (wholeDays && first.getDayOfMonth() == 1 && period.endDay().equals(first.plusMonths(1))) {
            return Optional.of("monthlyAverageDailyTraffic");
        }
        return Optional.empty();
    }
}
