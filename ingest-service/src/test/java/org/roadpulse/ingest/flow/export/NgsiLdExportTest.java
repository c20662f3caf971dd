package org.roadpulse.ingest.flow.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.flow.ClassGroup;
import org.roadpulse.ingest.flow.FlowQuery;
import org.roadpulse.ingest.flow.VolumeSeries;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.ingest.flow.export.ExportFixtures.AWKWARD_NAME;

/** The FIWARE TrafficFlowObserved export, parsed back as JSON. */
class NgsiLdExportTest {

    private static final String DST_DAY_FORWARD =
            "urn:ngsi-ld:TrafficFlowObserved:bexbach-rathausstrasse:forward:2021-03-27T23:00:00Z";

    @Test
    void everyMeasuredBucketIsAnEntityWithAUniqueIdTheModelsTypeAndItsContext() throws IOException {
        // GIVEN 12 daily buckets, 11 of them measured, 7 of those in 8+1 with six categories the model can name
        // WHEN exported
        List<JsonNode> entities = daily();

        // THEN one entity per measured bucket and per named category
        assertThat(entities).hasSize(7 * (1 + 6) + 4);
        Set<String> ids = new HashSet<>();
        for (JsonNode entity : entities) {
            assertThat(ids.add(entity.get("id").asText())).as(entity.get("id").asText()).isTrue();
            assertThat(entity.get("type").asText()).isEqualTo("TrafficFlowObserved");
            assertThat(texts(entity.get("@context"))).isEqualTo(NgsiLdExport.CONTEXT);
        }
    }

    @Test
    void theDstDayIsATwentyThreeHourIntervalWithAllItsVehicles() throws IOException {
        JsonNode dstDay = byId(daily(), DST_DAY_FORWARD);

        assertThat(dstDay.get("dateObserved").asText()).isEqualTo("2021-03-27T23:00:00Z/2021-03-28T22:00:00Z");
        assertThat(dstDay.at("/dateObservedFrom/@type").asText()).isEqualTo("DateTime");
        assertThat(dstDay.at("/dateObservedFrom/@value").asText()).isEqualTo("2021-03-27T23:00:00Z");
        assertThat(dstDay.at("/dateObservedTo/@value").asText()).isEqualTo("2021-03-28T22:00:00Z");
        assertThat(dstDay.get("intensity").isIntegralNumber()).isTrue();
        assertThat(dstDay.get("intensity").asLong()).isEqualTo(3400);
        assertThat(dstDay.get("averageVehicleSpeed").asDouble()).isEqualTo(48.0);
        assertThat(dstDay.get("laneDirection").asText()).isEqualTo("forward");
        assertThat(dstDay.has("vehicleType")).isFalse();
    }

    @Test
    void anEntityIsPlacedAtItsSite() throws IOException {
        JsonNode dstDay = byId(daily(), DST_DAY_FORWARD);

        assertThat(dstDay.at("/location/type").asText()).isEqualTo("Point");
        assertThat(dstDay.at("/location/coordinates/0").asDouble()).isEqualTo(7.2597);
        assertThat(dstDay.at("/location/coordinates/1").asDouble()).isEqualTo(49.3466);
        assertThat(dstDay.get("name").asText()).isEqualTo(AWKWARD_NAME);
        assertThat(dstDay.get("description").asText()).isEqualTo("Richtung Homburg");
        assertThat(dstDay.at("/address/addressCountry").asText()).isEqualTo("DE");
        assertThat(dstDay.at("/address/streetAddress").asText()).isEqualTo("Rathausstraße");
    }

    @Test
    void aCategoryTheModelCanNameIsAnEntityOfItsVehicleType() throws IOException {
        List<JsonNode> entities = daily();

        JsonNode cars = byId(entities, DST_DAY_FORWARD + ":car");
        assertThat(cars.get("vehicleType").asText()).isEqualTo("car");
        assertThat(cars.get("intensity").asLong()).isEqualTo(2760);
        assertThat(cars.has("averageVehicleSpeed")).isFalse();
        assertThat(byId(entities, DST_DAY_FORWARD + ":lorry").get("intensity").asLong()).isEqualTo(110);
        assertThat(byId(entities, DST_DAY_FORWARD + ":motorcycle").get("intensity").asLong()).isEqualTo(35);
        // SattelKfz, LkwA and nkKfz have no vehicle type in the model: no entity
        assertThat(entities).noneMatch(e -> e.get("id").asText().startsWith(DST_DAY_FORWARD + ":articulated"));
    }

    @Test
    void anUnmeasuredBucketIsNoEntityRatherThanAZero() throws IOException {
        List<JsonNode> entities = daily();

        assertThat(entities).noneMatch(e -> e.get("id").asText()
                .startsWith("urn:ngsi-ld:TrafficFlowObserved:bexbach-rathausstrasse:forward:2021-03-29T22:00:00Z"));
    }

    @Test
    void theCrossSectionHasNoLaneDirectionAndTwoPlusOneNoVehicleTypes() throws IOException {
        List<JsonNode> entities = hourly();

        assertThat(entities).hasSize(2);
        JsonNode first = entities.get(0);
        assertThat(first.get("id").asText()).isEqualTo(
                "urn:ngsi-ld:TrafficFlowObserved:bexbach-rathausstrasse:cross-section:2021-03-28T00:00:00Z");
        assertThat(first.has("laneDirection")).isFalse();
        assertThat(first.has("description")).isFalse();
        assertThat(first.get("intensity").asLong()).isEqualTo(35);
    }

    @Test
    void onlyExactMatchesBecomeModelVehicleTypes() {
        assertThat(NgsiLdExport.modelVehicleType(ClassGroup.TLS_8_1.categories().get("Pkw"))).contains("car");
        assertThat(NgsiLdExport.modelVehicleType(ClassGroup.TLS_8_1.categories().get("SattelKfz"))).isEmpty();
        assertThat(NgsiLdExport.modelVehicleType(ClassGroup.TLS_5_1.categories().get("PkwGruppe"))).isEmpty();
        assertThat(NgsiLdExport.modelVehicleType(ClassGroup.KFZ.categories().get("Kfz"))).isEmpty();
    }

    private static List<JsonNode> daily() throws IOException {
        return entities(ExportFixtures.dailyQuery(), ExportFixtures.dailySeries());
    }

    private static List<JsonNode> hourly() throws IOException {
        return entities(ExportFixtures.hourlyQuery(), ExportFixtures.hourlySeries());
    }

    private static List<JsonNode> entities(FlowQuery query, List<VolumeSeries> series) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NgsiLdExport().write(query, series, out);
        JsonNode array = new ObjectMapper().readTree(out.toByteArray());
        assertThat(array.isArray()).isTrue();
        List<JsonNode> entities = new ArrayList<>();
        array.forEach(entities::add);
        return entities;
    }

    private static JsonNode byId(List<JsonNode> entities, String id) {
        return entities.stream().filter(e -> e.get("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity " + id));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
