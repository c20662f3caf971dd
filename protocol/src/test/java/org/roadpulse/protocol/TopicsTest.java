package org.roadpulse.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the MQTT topic tree of contract v1 and how a topic names its device. */
class TopicsTest {

    private static final String DEVICE = "tls-09162000-0042";

    @Test
    void givesEachDeviceItsOwnSubtree() {
        assertThat(Topics.counts(DEVICE)).isEqualTo("roadpulse/v1/tls-09162000-0042/counts");
        assertThat(Topics.status(DEVICE)).isEqualTo("roadpulse/v1/tls-09162000-0042/status");
        assertThat(Topics.config(DEVICE)).isEqualTo("roadpulse/v1/tls-09162000-0042/config");
    }

    @Test
    void findsTheDeviceOfEachOfItsTopics() {
        assertThat(Topics.deviceOf(Topics.counts(DEVICE))).contains(DEVICE);
        assertThat(Topics.deviceOf(Topics.status(DEVICE))).contains(DEVICE);
        assertThat(Topics.deviceOf(Topics.config(DEVICE))).contains(DEVICE);
    }

    @Test
    void findsNoDeviceOutsideTheTree() {
        assertThat(Topics.deviceOf("roadpulse/v2/" + DEVICE + "/counts")).as("other version").isEmpty();
        assertThat(Topics.deviceOf("other/v1/" + DEVICE + "/counts")).as("other root").isEmpty();
        assertThat(Topics.deviceOf("roadpulse/v1/" + DEVICE)).as("no leaf").isEmpty();
        assertThat(Topics.deviceOf("roadpulse/v1//counts")).as("empty device level").isEmpty();
        assertThat(Topics.deviceOf("roadpulse/v1/")).as("root only").isEmpty();
        assertThat(Topics.deviceOf("")).isEmpty();
        assertThat(Topics.deviceOf("/roadpulse/v1/" + DEVICE + "/counts")).as("leading slash").isEmpty();
    }

    @Test
    void sharedSubscriptionsCoverEveryDeviceOnce() {
        // Each message of the filter goes to one member of the group "ingest".
        assertThat(Topics.SHARED_COUNTS_SUBSCRIPTION).isEqualTo("$share/ingest/roadpulse/v1/+/counts");
        assertThat(Topics.SHARED_STATUS_SUBSCRIPTION).isEqualTo("$share/ingest/roadpulse/v1/+/status");
    }
}
