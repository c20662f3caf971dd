package org.roadpulse.ingest.http;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roadpulse.ingest.flow.Bucket;
import org.roadpulse.ingest.flow.ClassGroup;
import org.roadpulse.ingest.flow.FigureDetail;
import org.roadpulse.ingest.flow.Split;
import org.roadpulse.ingest.flow.export.CsvDialect;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the OpenAPI document that micronaut-openapi writes while compiling: it names every endpoint a planner or
 * a device uses, says what each flow parameter means and which values it takes (the same values the code accepts),
 * and lists the reason codes of the refusals. Read from the build output, without a running service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    static final String RESOURCE = "META-INF/swagger/roadpulse-ingest.yml";
    static final List<String> FLOW_PATHS = List.of("/api/v1/flow/volumes", "/api/v1/flow/figures",
            "/api/v1/flow/volumes.csv", "/api/v1/flow/figures.csv", "/api/v1/flow/volumes.datex2.xml",
            "/api/v1/flow/volumes.ngsi-ld.json");
    /** The reasons of docs/flow-history.md ("Queries"), and sites.too_many of FlowRequests. */
    static final List<String> FLOW_REASONS = List.of("sites.missing", "sites.too_many", "site.unknown",
            "period.missing", "period.unparsable", "period.invalid", "bucket.unknown", "bucket.too_fine",
            "split.unknown", "classes.unknown", "figures.unknown", "format.unknown", "sites.none");

    private Map<String, Object> document;

    @BeforeAll
    void readTheGeneratedDocument() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as("%s on the classpath (written by the micronaut-openapi processor)", RESOURCE).isNotNull();
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    @Test
    void namesTheServiceItsBuildVersionAndLicence() {
        // WHEN the document's info is read
        Map<String, Object> info = map(document, "info");

        // THEN it names the service, the build's version (expanded by the processor) and the refusal shape
        assertThat(info.get("title")).isEqualTo("RoadPulse ingest service");
        assertThat((String) info.get("version")).isNotBlank().doesNotContain("${");
        assertThat((String) info.get("description")).contains("\"reason\", \"field\", \"message\"");
        assertThat((String) map(info, "license").get("name")).isNotBlank();
    }

    @Test
    void namesEveryFlowQueryAndExportWithItsRefusals() {
        // THEN each flow query and export is there, with a summary, its answer, and every reason it can refuse with
        for (String path : FLOW_PATHS) {
            Map<String, Object> get = operation(path, "get");
            assertThat((String) get.get("summary")).as(path).isNotBlank();
            String refusals = (String) map(map(get, "responses"), "400").get("description");
            assertThat(refusals).as(path).contains(FLOW_REASONS.stream().map(r -> "`" + r + "`").toList());
            assertThat(map(get, "responses")).as(path).containsKeys("200", "503");
        }
    }

    @Test
    void describesEachParameterOfTheVolumesQuery() {
        // WHEN the volumes query's parameters are read
        Map<String, Map<String, Object>> parameters = parameters("/api/v1/flow/volumes");

        // THEN all six are there, each explained, the required ones said to be required
        assertThat(parameters).containsOnlyKeys("sites", "from", "to", "bucket", "split", "classes");
        parameters.forEach((name, parameter) ->
                assertThat((String) parameter.get("description")).as(name).hasSizeGreaterThan(40));
        for (String required : List.of("sites", "from", "to")) {
            assertThat((String) parameters.get(required).get("description")).as(required).startsWith("**Required.**");
        }
        assertThat((String) parameters.get("to").get("description")).contains("exclusive");
        assertThat((String) parameters.get("classes").get("description")).contains("coarser", "%2B");
    }

    @Test
    void offersExactlyTheValuesTheQueriesAccept() {
        // THEN each choice lists exactly the values the code accepts, and the default the code applies
        assertChoice("/api/v1/flow/volumes", "bucket", wireNames(Bucket.values(), Bucket::wireName), "hour");
        assertChoice("/api/v1/flow/volumes", "split", wireNames(Split.values(), Split::wireName), "cross-section");
        assertChoice("/api/v1/flow/volumes", "classes", wireNames(ClassGroup.values(), ClassGroup::wireName), "8+1");
        assertChoice("/api/v1/flow/figures", "figures", wireNames(FigureDetail.values(), FigureDetail::wireName),
                "all");
        assertChoice("/api/v1/flow/volumes.csv", "format", wireNames(CsvDialect.values(), CsvDialect::wireName),
                "comma");
        assertChoice("/api/v1/flow/figures.csv", "format", wireNames(CsvDialect.values(), CsvDialect::wireName),
                "comma");
    }

    @Test
    void jsonRefusalsHaveTheReasonFieldMessageShape() {
        // WHEN the volumes query's 400 is read
        Map<String, Object> refusal = map(map(operation("/api/v1/flow/volumes", "get"), "responses"), "400");
        String ref = (String) map(map(map(refusal, "content"), "application/json"), "schema").get("$ref");

        // THEN it is the shared error body
        Map<String, Object> schemas = map(map(document, "components"), "schemas");
        Map<String, Object> error = map(schemas, ref.replace("#/components/schemas/", ""));
        assertThat(map(error, "properties")).containsOnlyKeys("reason", "field", "message");
    }

    @Test
    void describesSitesDevicesAndTheDeviceIntake() {
        // THEN the site, device and intake endpoints are there, the site rules with their reasons
        assertThat(map(document, "paths")).containsKeys("/api/v1/sites", "/api/v1/sites/{id}",
                "/api/v1/sites.geojson", "/api/v1/sites.datex2.xml", "/api/v1/devices",
                "/api/v1/devices/{deviceId}/counts", "/api/v1/devices/{deviceId}/status");
        assertThat((String) map(map(operation("/api/v1/sites/{id}", "put"), "responses"), "400").get("description"))
                .contains("`site.id_invalid`", "`location.invalid`", "`device.other_municipality`");

        // the intake: the device secret as bearer token, and every answer of contract v1's HTTP binding
        Map<String, Object> counts = operation("/api/v1/devices/{deviceId}/counts", "post");
        assertThat(counts.get("security")).isEqualTo(List.of(Map.of(ApiDocument.DEVICE_SECRET, List.of())));
        assertThat(map(counts, "responses")).containsKeys("200", "400", "401", "403", "413", "415", "503");
        assertThat(map(map(counts, "requestBody"), "content")).containsOnlyKeys("application/json",
                "application/cbor");
        assertThat(map(map(map(document, "components"), "securitySchemes"), ApiDocument.DEVICE_SECRET))
                .containsEntry("type", "http").containsEntry("scheme", "bearer");
    }

    @Test
    void leavesOutThePagesOwnPlumbing() {
        // THEN the planner page's settings and the document itself are no part of the API
        assertThat(map(document, "paths")).doesNotContainKeys("/api/v1/planning/settings",
                OpenApiDocumentController.PATH);
    }

    private void assertChoice(String path, String parameter, List<String> accepted, String defaultValue) {
        Map<String, Object> schema = map(parameters(path).get(parameter), "schema");
        assertThat(schema.get("enum")).as(path + " " + parameter).isEqualTo(accepted);
        assertThat(schema.get("default")).as(path + " " + parameter).isEqualTo(defaultValue);
    }

    private static <T> List<String> wireNames(T[] values, Function<T, String> wireName) {
        return Arrays.stream(values).map(wireName).toList();
    }

    private Map<String, Object> operation(String path, String method) {
        return map(map(map(document, "paths"), path), method);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> parameters(String path) {
        List<Map<String, Object>> list = (List<Map<String, Object>>) operation(path, "get").get("parameters");
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        list.forEach(parameter -> byName.put((String) parameter.get("name"), parameter));
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, ?> parent, String key) {
        Object child = parent.get(key);
        assertThat(child).as("'%s' in %s", key, parent.keySet()).isInstanceOf(Map.class);
        return (Map<String, Object>) child;
    }
}
