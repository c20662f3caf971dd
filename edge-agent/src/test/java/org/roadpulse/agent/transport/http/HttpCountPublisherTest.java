package org.roadpulse.agent.transport.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.Agent;
import org.roadpulse.agent.config.AgentSettings;
import org.roadpulse.agent.config.DeviceSettings;
import org.roadpulse.agent.config.SourceSettings;
import org.roadpulse.agent.config.TransportSettings;
import org.roadpulse.agent.support.Await;
import org.roadpulse.agent.support.FixedIntervals;
import org.roadpulse.agent.support.TestHttpService;
import org.roadpulse.agent.support.TestHttpService.Answer;
import org.roadpulse.agent.transport.Delivery;
import org.roadpulse.agent.transport.DeviceIdentity;
import org.roadpulse.agent.transport.TransportException;
import org.roadpulse.protocol.Encoding;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpCountPublisherTest {

    private static final String DEVICE = "http-test-001";
    private static final String SECRET = "s3cret-token_value";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path outbox;

    private TestHttpService service;
    private Agent agent;

    @AfterEach
    void tearDown() {
        if (agent != null) {
            agent.close();
        }
        if (service != null) {
            service.close();
        }
    }

    private Agent agent(String uri, int intervals) throws Exception {
        TransportSettings transport = TransportSettings.http(uri).withBackoff(20, 200).withTimeouts(2000, 10_000);
        AgentSettings settings = AgentSettings.of(DeviceSettings.of(DEVICE, SECRET), transport,
                SourceSettings.simulate(null, 0), outbox);
        agent = Agent.withSource(settings, new FixedIntervals(intervals, Duration.ZERO));
        return agent.start();
    }

    @Test
    void aStoredAnswerRemovesTheIntervalFromTheOutbox() throws Exception {
        // GIVEN a service that answers 200
        service = TestHttpService.start(DEVICE);
        // WHEN an agent sends five intervals over HTTP
        agent(service.uri(), 5);
        Await.until(WAIT, () -> agent.sourceFinished() && agent.pendingCount() == 0);
        // THEN all arrived once, as CBOR POSTs with the secret as bearer token, and a status went out too
        assertThat(service.counts()).hasSize(5).allSatisfy(received -> {
            assertThat(received.contentType()).isEqualTo(Encoding.CBOR.mediaType());
            assertThat(received.authorization()).isEqualTo("Bearer " + SECRET);
            assertThat(received.interval().deviceId()).isEqualTo(DEVICE);
        });
        assertThat(agent.counters().acked()).isEqualTo(5);
        Await.until(WAIT, () -> service.statusCount() > 0);
    }

    @Test
    void aRefusedIntervalIsDroppedAndCountedUnderItsReasonNotResent() throws Exception {
        // GIVEN a service that refuses seq 2 with 400 and the contract's error body
        service = TestHttpService.start(DEVICE);
        service.answer(interval -> interval.seq() == 2 ? Answer.refused(400, "count.implausible") : Answer.STORED);
        // WHEN an agent sends three intervals
        agent(service.uri(), 3);
        Await.until(WAIT, () -> agent.sourceFinished() && agent.pendingCount() == 0);
        // THEN seq 2 was sent once, is counted as rejected under its reason, and the others are acknowledged
        assertThat(service.counts().stream().filter(r -> r.interval().seq() == 2)).hasSize(1);
        assertThat(agent.counters().rejected()).isEqualTo(1);
        assertThat(agent.counters().acked()).isEqualTo(2);
        assertThat(agent.rejectionReasons()).isEqualTo(Map.of("count.implausible", 1L));
    }

    @Test
    void anUnavailableServiceIsAskedAgainUntilItStores() throws Exception {
        // GIVEN a service that answers 503 to the first three attempts
        service = TestHttpService.start(DEVICE);
        AtomicInteger attempts = new AtomicInteger();
        service.answer(interval -> attempts.incrementAndGet() <= 3 ? Answer.refused(503, "service.unavailable")
                : Answer.STORED);
        // WHEN an agent sends two intervals
        agent(service.uri(), 2);
        Await.until(WAIT, () -> agent.sourceFinished() && agent.pendingCount() == 0);
        // THEN both are acknowledged in the end, none rejected
        assertThat(agent.counters().acked()).isEqualTo(2);
        assertThat(agent.counters().rejected()).isZero();
        assertThat(agent.counters().retried()).isPositive();
    }

    @Test
    void onlyPayloadRefusalsDropAnInterval() {
        byte[] body = "{\"reason\":\"count.negative\",\"field\":\"lanes[0].counts.Pkw\",\"message\":\"no\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(HttpCountPublisher.delivery(200, new byte[0])).isInstanceOf(Delivery.Acked.class);
        assertThat(HttpCountPublisher.delivery(400, body)).isEqualTo(
                Delivery.rejected("count.negative", "HTTP 400, field lanes[0].counts.Pkw: no"));
        assertThat(HttpCountPublisher.delivery(413, new byte[0])).isEqualTo(Delivery.rejected("HTTP 413", ""));
        assertThat(HttpCountPublisher.delivery(415, new byte[0])).isInstanceOf(Delivery.Rejected.class);
        // the device's credentials or rate limit, the service's load, or a wrong URL: none is the payload's fault
        for (int status : new int[]{401, 403, 404, 429, 500, 502, 503}) {
            assertThat(HttpCountPublisher.delivery(status, body)).as("HTTP " + status).isInstanceOf(Delivery.Retry.class);
        }
    }

    @Test
    void aRetryAfterTheServiceNamesIsKeptAsTheLeastWait() {
        byte[] body = new byte[0];
        assertThat(HttpCountPublisher.delivery(503, body, "7")).isEqualTo(Delivery.retryAfter("HTTP 503", 7));
        assertThat(((Delivery.Retry) HttpCountPublisher.delivery(429, body, " 3 ")).atLeast())
                .isEqualTo(Duration.ofSeconds(3));
        // the date form, which the service never sends, and no header at all: the device's own backoff alone
        assertThat(((Delivery.Retry) HttpCountPublisher.delivery(503, body, "Wed, 21 Oct 2026 07:28:00 GMT"))
                .atLeast()).isZero();
        assertThat(((Delivery.Retry) HttpCountPublisher.delivery(503, body, null)).atLeast()).isZero();
        // an absurd wait is cut: the device comes back within 15 minutes
        assertThat(((Delivery.Retry) HttpCountPublisher.delivery(503, body, "86400")).atLeast())
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void connectFailsWhenNothingListens() throws Exception {
        // GIVEN a port that nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpCountPublisher publisher = new HttpCountPublisher(new DeviceIdentity(DEVICE, SECRET, "fw"),
                new HttpCountPublisher.Settings(URI.create("http://127.0.0.1:" + port), Encoding.CBOR,
                        Duration.ofSeconds(2), Duration.ofSeconds(2), null));
        // WHEN it connects THEN it says the service cannot be reached, and is not connected
        assertThatThrownBy(publisher::connect).isInstanceOf(TransportException.class);
        assertThat(publisher.connected()).isFalse();
    }
}
