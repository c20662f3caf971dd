package org.roadpulse.ingest.flow.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.micronaut.core.annotation.Nullable;
import org.roadpulse.ingest.flow.FlowQuery;
import org.roadpulse.ingest.flow.VolumeBucket;
import org.roadpulse.ingest.flow.VolumeSeries;
import org.roadpulse.ingest.sites.MeasurementSite;
import org.roadpulse.protocol.Direction;
import org.roadpulse.protocol.VehicleClass;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Volume series as FIWARE Smart Data Model {@code TrafficFlowObserved} entities: a JSON array of NGSI-LD entities in
 * the keyValues (concise) form, each with its own {@code @context} array, as an NGSI-LD broker takes them for a
 * batch create or upsert ({@code application/ld+json}).
 *
 * <p>Per site, direction and measured bucket one entity for all vehicles ({@code intensity} = the bucket's total,
 * no {@code vehicleType}), and one more per category of the class group that the model's {@code vehicleType} can
 * name exactly (Krad, Pkw, Lfw, PkwA, Lkw, Bus); its id adds the vehicle type. Times are UTC, as the model asks.
 * A bucket with nothing measured gives no entity: NGSI-LD has no "not measured" value, and a zero would be false.
 *
 * <p>Written as produced, so long series stream; the stream is flushed, not closed.
 */
public final class NgsiLdExport {

    static final String TYPE = "TrafficFlowObserved";
    static final List<String> CONTEXT = List.of(
            "https://raw.githubusercontent.com/smart-data-models/dataModel.Transportation/master/context.jsonld",
            "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld");
    /** The model's {@code vehicleType} enumeration (a subset of DATEX II's names). */
    private static final Set<String> MODEL_VEHICLE_TYPES = Set.of("agriculturalVehicle", "bicycle", "bus", "minibus",
            "car", "caravan", "tram", "tanker", "carWithCaravan", "carWithTrailer", "lorry", "moped", "motorcycle",
            "motorcycleWithSideCar", "motorscooter", "trailer", "van", "constructionOrMaintenanceVehicle", "trolley",
            "binTrolley", "sweepingMachine", "cleaningTrolley");

    private final JsonFactory json = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** {@code GET /api/v1/flow/volumes.ngsi-ld.json}. */
    public void write(FlowQuery query, List<VolumeSeries> series, OutputStream out) throws IOException {
        Map<String, MeasurementSite> sites = query.sites().stream()
                .collect(Collectors.toMap(MeasurementSite::id, Function.identity(), (a, b) -> a));
        try (JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
            generator.writeStartArray();
            for (VolumeSeries one : series) {
                MeasurementSite site = sites.get(one.siteId());
                for (VolumeBucket bucket : one.buckets()) {
                    if (bucket.measured()) {
                        new Entity(generator, one, bucket, site).write(null, bucket.total(), true);
                        perVehicleType(generator, one, bucket, site);
                    }
                }
            }
            generator.writeEndArray();
        }
        out.flush();
    }

    private void perVehicleType(JsonGenerator generator, VolumeSeries series, VolumeBucket bucket,
                                @Nullable MeasurementSite site) throws IOException {
        for (Map.Entry<String, Set<VehicleClass>> category : series.classes().categories().entrySet()) {
            Long volume = bucket.volumes().get(category.getKey());
            Optional<String> vehicleType = modelVehicleType(category.getValue());
            if (volume != null && vehicleType.isPresent()) {
                new Entity(generator, series, bucket, site).write(vehicleType.get(), volume, false);
            }
        }
    }

    /** The one model vehicle type that covers exactly the vehicles of a category, if there is one. */
    static Optional<String> modelVehicleType(Set<VehicleClass> classes) {
        return ExchangeCategory.summing(classes)
                .map(ExchangeCategory::datexVehicleTypes)
                .filter(types -> types.size() == 1 && MODEL_VEHICLE_TYPES.contains(types.get(0)))
                .map(types -> types.get(0));
    }

    /** One entity: its attributes in the model's names. */
    private record Entity(JsonGenerator json, VolumeSeries series, VolumeBucket bucket,
                          @Nullable MeasurementSite site) {

        void write(@Nullable String vehicleType, long intensity, boolean withSpeed) throws IOException {
            String from = utc(bucket.start());
            String to = utc(bucket.end());
            json.writeStartObject();
            json.writeStringField("id", id(vehicleType));
            json.writeStringField("type", TYPE);
            json.writeStringField("dateObserved", from + "/" + to);
            dateTime("dateObservedFrom", from);
            dateTime("dateObservedTo", to);
            json.writeNumberField("intensity", intensity);
            if (withSpeed && bucket.meanSpeedKmh() != null) {
                json.writeNumberField("averageVehicleSpeed", Math.round(bucket.meanSpeedKmh() * 10) / 10.0);
            }
            if (series.direction() != null) {
                json.writeStringField("laneDirection", series.direction().wireName());
            }
            if (vehicleType != null) {
                json.writeStringField("vehicleType", vehicleType);
            }
            if (site != null) {
                place(site);
            }
            json.writeArrayFieldStart("@context");
            for (String context : CONTEXT) {
                json.writeString(context);
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        private String id(@Nullable String vehicleType) {
            String direction = series.direction() == null ? "cross-section" : series.direction().wireName();
            String id = "urn:ngsi-ld:" + TYPE + ":" + series.siteId() + ":" + direction + ":" + utc(bucket.start());
            return vehicleType == null ? id : id + ":" + vehicleType;
        }

        private void place(MeasurementSite site) throws IOException {
            json.writeStringField("name", site.name());
            String label = series.direction() == Direction.FORWARD ? site.forwardLabel()
                    : series.direction() == Direction.BACKWARD ? site.backwardLabel() : null;
            if (label != null) {
                json.writeStringField("description", label);
            }
            json.writeObjectFieldStart("location");
            json.writeStringField("type", "Point");
            json.writeArrayFieldStart("coordinates");
            json.writeNumber(site.longitude());
            json.writeNumber(site.latitude());
            json.writeEndArray();
            json.writeEndObject();
            json.writeObjectFieldStart("address");
            json.writeStringField("type", "PostalAddress");
            json.writeStringField("addressCountry", "DE");
            if (site.roadName() != null) {
                json.writeStringField("streetAddress", site.roadName());
            }
            json.writeEndObject();
        }

        /** NGSI-LD reads a string as a date-time only when typed so. */
        private void dateTime(String name, String value) throws IOException {
            json.writeObjectFieldStart(name);
            json.writeStringField("@type", "DateTime");
            json.writeStringField("@value", value);
            json.writeEndObject();
        }

        private static String utc(Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
    }
}
