package org.roadpulse.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roadpulse.ingest.sites.PgSites;
import org.roadpulse.ingest.testing.FlowFixture;
import org.roadpulse.ingest.testing.HttpCalls;
import org.roadpulse.ingest.testing.TestLogins;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestPostgres;
import org.roadpulse.ingest.testing.TestSites;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadpulse.protocol.VehicleClass.LKW;
import static org.roadpulse.protocol.VehicleClass.PKW;

/**
 * The flow API over HTTP: the JSON of volumes and figures, the exports, and every refusal as a 400 that names its
 * parameter. Counts for one week of a Bexbach site: every hour 100 Pkw + 10 Lkw forward, 50 Pkw backward.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowApiTest implements TestPropertyProvider {

    private static final String WEEK = "sites=api-flow&from=2021-05-03&to=2021-05-10";

    private final TestDatabase db = TestPostgres.freshDatabase();
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Inject
    PgSites sites;

    private HttpCalls http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(db.servicePropertiesInTempFolder());
        properties.put("roadpulse.flow.refresh-ms", "0");
        return properties;
    }

    @BeforeAll
    void storeAWeek() {
        http = TestLogins.operator(server);
        TestSites.device(db, "api-flow-1", TestSites.BEXBACH);
        sites.save(FlowFixture.site("api-flow", "api-flow-1"));
        FlowFixture flow = new FlowFixture(db);
        flow.store(FlowFixture.hours("api-flow-1", 1, Instant.parse("2021-05-02T22:00:00Z"),
                Instant.parse("2021-05-09T22:00:00Z"), Map.of(PKW, 100, LKW, 10), Map.of(PKW, 50)));
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void volumesInLocalHoursWithCompleteness() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/flow/volumes?" + WEEK + "&bucket=day&classes=5%2B1");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = mapper.readTree(response.body());
        assertThat(body.at("/period/from").asText()).isEqualTo("2021-05-03T00:00+02:00");
        assertThat(body.at("/classes").asText()).isEqualTo("5+1");
        assertThat(body.at("/categories/0").asText()).isEqualTo("PkwGruppe");
        JsonNode monday = body.at("/series/0/buckets/0");
        assertThat(body.at("/series/0/buckets")).hasSize(7);
        assertThat(monday.at("/start").asText()).isEqualTo("2021-05-03T00:00+02:00");
        assertThat(monday.at("/total").asLong()).isEqualTo(24 * 160);
        assertThat(monday.at("/volumes/PkwGruppe").asLong()).isEqualTo(24 * 150);
        assertThat(monday.at("/volumes/Bus").asLong()).isZero();
        assertThat(monday.at("/completeness/complete").asBoolean()).isTrue();
        assertThat(monday.at("/completeness/ratio").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aGapIsNullNotZero() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/flow/volumes?sites=api-flow&from=2021-05-10&to=2021-05-11");

        JsonNode bucket = mapper.readTree(response.body()).at("/series/0/buckets/0");
        assertThat(bucket.get("total").isNull()).isTrue();
        assertThat(bucket.at("/volumes/Pkw").isNull()).isTrue();
        assertThat(bucket.at("/completeness/ratio").asDouble()).isZero();
    }

    @Test
    void standardFiguresOfTheWeek() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/flow/figures?" + WEEK + "&split=direction");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode figures = mapper.readTree(response.body()).get("figures");
        assertThat(figures).hasSize(2);
        JsonNode forward = figures.get(0);
        assertThat(forward.get("direction").asText()).isEqualTo("forward");
        assertThat(forward.get("dtv").asDouble()).isEqualTo(24 * 110.0);
        assertThat(forward.get("dtvw").asDouble()).isEqualTo(24 * 110.0);
        assertThat(forward.get("completeWorkdays").asInt()).isEqualTo(5);
        assertThat(forward.get("svShare").asDouble()).isEqualTo(9.09);
        assertThat(forward.get("msv").asLong()).isEqualTo(110);
        assertThat(forward.get("complete").asBoolean()).isTrue();
        assertThat(figures.get(1).get("dtvSv").asDouble()).isZero();
    }

    @Test
    void dailyMeansLeaveOutTheHourlyFigures() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/flow/figures?" + WEEK + "&figures=means");

        JsonNode figures = mapper.readTree(response.body()).at("/figures/0");
        assertThat(figures.get("dtv").asDouble()).isEqualTo(24 * 160.0);
        assertThat(figures.get("msv").isNull()).isTrue();
        assertThat(figures.at("/peakHour/meanVolume").isNull()).isTrue();
    }

    @Test
    void exportsInPlannersFormats() throws Exception {
        HttpResponse<String> comma = http.get("/api/v1/flow/volumes.csv?" + WEEK + "&bucket=day");
        HttpResponse<String> semicolon = http.get("/api/v1/flow/figures.csv?" + WEEK + "&format=semicolon");
        HttpResponse<String> datex = http.get("/api/v1/flow/volumes.datex2.xml?" + WEEK + "&bucket=day");
        HttpResponse<String> siteTable = http.get("/api/v1/sites.datex2.xml");
        HttpResponse<String> ngsi = http.get("/api/v1/flow/volumes.ngsi-ld.json?" + WEEK + "&bucket=day");

        assertThat(comma.statusCode()).isEqualTo(200);
        assertThat(comma.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(comma.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("roadpulse-volumes.csv"));
        assertThat(comma.body().lines()).hasSize(8).anySatisfy(line -> assertThat(line).contains(",3840,"));
        assertThat(semicolon.body()).startsWith("\uFEFF").contains(";3840,0;");
        assertThat(datex.body()).contains("MeasuredDataPublication", "api-flow");
        assertThat(siteTable.body()).contains("MeasurementSiteTablePublication", "api-flow");
        assertThat(mapper.readTree(ngsi.body()).get(0).get("type").asText()).isEqualTo("TrafficFlowObserved");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/flow/volumes?sites=nowhere&from=2021-01-01&to=2021-02-01 | site.unknown | sites",
            "/api/v1/flow/volumes?from=2021-01-01&to=2021-02-01 | sites.missing | sites",
            "/api/v1/flow/volumes?sites=api-flow&from=2021-02-01&to=2021-01-01 | period.invalid | to",
            "/api/v1/flow/volumes?sites=api-flow&from=2021-01-01&to=2021-01-01 | period.invalid | to",
            "/api/v1/flow/volumes?sites=api-flow&from=yesterday&to=2021-01-01 | period.unparsable | from",
            "/api/v1/flow/volumes?sites=api-flow&from=2021-01-01 | period.missing | to",
            "/api/v1/flow/volumes?sites=api-flow&from=2000-01-01&to=2021-01-01&bucket=15min | bucket.too_fine | bucket",
            "/api/v1/flow/volumes?sites=api-flow&from=2021-01-01&to=2021-02-01&bucket=decade | bucket.unknown | bucket",
            "/api/v1/flow/volumes?sites=api-flow&from=2021-01-01&to=2021-02-01&classes=7%2B1 | classes.unknown | classes",
            "/api/v1/flow/volumes?sites=api-flow&from=2021-01-01&to=2021-02-01&split=lanes | split.unknown | split",
            "/api/v1/flow/figures?sites=api-flow&from=2021-02-30&to=2021-03-01 | period.unparsable | from",
            "/api/v1/flow/figures?sites=api-flow&from=2021-01-01&to=2021-03-01&figures=some | figures.unknown | figures",
            "/api/v1/flow/volumes.csv?sites=api-flow&from=2021-01-01&to=2021-02-01&format=tsv | format.unknown | format",
            "/api/v1/flow/volumes.datex2.xml?sites=unknown&from=2021-01-01&to=2021-02-01 | site.unknown | sites",
    })
    void refusesWithAReasonNamingTheParameter(String path, String reason, String field) throws Exception {
        HttpResponse<String> response = http.get(path.trim());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = mapper.readTree(response.body());
        assertThat(body.get("reason").asText()).isEqualTo(reason.trim());
        assertThat(body.get("field").asText()).isEqualTo(field.trim());
        assertThat(body.get("message").asText()).isNotBlank();
    }

    @Test
    void aFarAwayYearIsNotAServerError() {
        HttpResponse<String> response = http.get("/api/v1/flow/figures?sites=api-flow&from=+999999-01-01T00:00Z"
                + "&to=2021-01-01");

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
