package org.roadpulse.ingest.flow;

import org.junit.jupiter.api.Test;
import org.roadpulse.ingest.testdoubles.InMemorySites;
import org.roadpulse.ingest.testing.FlowFixture;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A planner's question that cannot be answered is refused with a reason naming the parameter. */
class FlowRequestsTest {

    private final FlowRequests requests = new FlowRequests(new InMemorySites(FlowFixture.site("known-site", "d-1")),
            ZoneId.of("Europe/Berlin"));

    @Test
    void localDatesAreLocalMidnightsAndTheEndIsExclusive() {
        FlowQuery query = requests.volumes("known-site", "2021-03-28", "2021-03-29", "hour", null, "8 1");

        assertThat(query.period().from()).isEqualTo(Instant.parse("2021-03-27T23:00:00Z"));
        assertThat(query.period().to()).isEqualTo(Instant.parse("2021-03-28T22:00:00Z"));
        assertThat(query.bucket().spans(query.period())).hasSize(23);
        assertThat(query.classes()).isEqualTo(ClassGroup.TLS_8_1);
        assertThat(query.split()).isEqualTo(Split.CROSS_SECTION);
    }

    @Test
    void periodsWidenToWholeBuckets() {
        FlowQuery query = requests.volumes("known-site", "2021-06-01T10:30:00+02:00", "2021-06-01T12:10:00+02:00",
                "hour", "direction", "sv");

        assertThat(query.period().from()).isEqualTo(Instant.parse("2021-06-01T08:00:00Z"));
        assertThat(query.period().to()).isEqualTo(Instant.parse("2021-06-01T11:00:00Z"));
    }

    @Test
    void refusesWhatCannotBeAnswered() {
        assertRefused(() -> requests.volumes("nowhere", "2021-01-01", "2021-02-01", null, null, null),
                "site.unknown", "sites");
        assertRefused(() -> requests.volumes("", "2021-01-01", "2021-02-01", null, null, null),
                "sites.missing", "sites");
        assertRefused(() -> requests.volumes("known-site", "2021-02-01", "2021-01-01", null, null, null),
                "period.invalid", "to");
        assertRefused(() -> requests.volumes("known-site", "2021-02-01", "2021-02-01", null, null, null),
                "period.invalid", "to");
        assertRefused(() -> requests.volumes("known-site", null, "2021-02-01", null, null, null),
                "period.missing", "from");
        assertRefused(() -> requests.volumes("known-site", "1.1.2021", "2021-02-01", null, null, null),
                "period.unparsable", "from");
        assertRefused(() -> requests.volumes("known-site", "2021-01-01", "2021-02-01", "fortnight", null, null),
                "bucket.unknown", "bucket");
        assertRefused(() -> requests.volumes("known-site", "2020-01-01", "2024-01-01", "15min", null, null),
                "bucket.too_fine", "bucket");
        assertRefused(() -> requests.volumes("known-site", "2021-01-01", "2021-02-01", null, "lane", null),
                "split.unknown", "split");
        assertRefused(() -> requests.volumes("known-site", "2021-01-01", "2021-02-01", null, null, "7+1"),
                "classes.unknown", "classes");
    }

    private static void assertRefused(Runnable request, String reason, String parameter) {
        assertThatThrownBy(request::run).isInstanceOfSatisfying(FlowRequestException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.parameter()).isEqualTo(parameter);
            assertThat(e.getMessage()).isNotBlank();
        });
    }
}
