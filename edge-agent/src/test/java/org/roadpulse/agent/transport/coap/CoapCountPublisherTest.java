package org.roadpulse.agent.transport.coap;

import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadpulse.agent.Agent;
import org.roadpulse.agent.AgentCounters;
import org.roadpulse.agent.config.AgentSettings;
import org.roadpulse.agent.config.DeviceSettings;
import org.roadpulse.agent.config.SourceSettings;
import org.roadpulse.agent.config.TransportSettings;
import org.roadpulse.agent.support.Await;
import org.roadpulse.agent.support.FixedIntervals;
import org.roadpulse.agent.support.TestCoapService;
import org.roadpulse.agent.transport.Delivery;
import org.roadpulse.agent.transport.DeviceIdentity;
import org.roadpulse.protocol.DeviceConfig;
import org.roadpulse.protocol.Encoding;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CoapCountPublisherTest {

    private static final String DEVICE = "coap-test-001";
    private static final String SECRET = "s3cret-token_value";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path outbox;

    private TestCoapService service;
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
        TransportSettings transport = TransportSettings.coap(uri).withBackoff(20, 200).withTimeouts(2000, 10_000);
        AgentSettings settings = AgentSettings.of(DeviceSettings.of(DEVICE, SECRET), transport,
                SourceSettings.simulate(null, 0), outbox);
        agent = Agent.withSource(settings, new FixedIntervals(intervals, Duration.ZERO));
        return agent.start();
    }

    @Test
    void aStoredAnswerRemovesTheIntervalFromTheOutbox() throws Exception {
        // GIVEN a service that answers 2.04 Changed
        service = TestCoapService.plain(DEVICE);
        // WHEN an agent sends five intervals
        agent(service.uri(), 5);
        Await.until(WAIT, () -> agent.sourceFinished() && agent.pendingCount() == 0);
        // THEN all arrived once, as confirmable CBOR POSTs with the device token, and the outbox is empty
        assertThat(service.seqs()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(service.counts()).allSatisfy(received -> {
            assertThat(received.contentFormat()).isEqualTo(Encoding.CBOR.coapContentFormat());
            assertThat(received.token()).isEqualTo(SECRET);
            assertThat(received.interval().deviceId()).isEqualTo(DEVICE);
        });
        assertThat(agent.counters().acked()).isEqualTo(5);
    }

    @Test
    void aRejectedIntervalIsDroppedAndCountedNotResent() throws Exception {
        // GIVEN a service that refuses seq 2 with 4.00 Bad Request
        service = TestCoapService.plain(DEVICE);
        service.answer(interval -> interval.seq() == 2 ? CoAP.ResponseCode.BAD_REQUEST : CoAP.ResponseCode.CHANGED);
        // WHEN an agent sends three intervals
        agent(service.uri(), 3);
        Await.until(WAIT, () -> agent.sourceFinished() && agent.pendingCount() == 0);
        // THEN seq 2 arrived once, was counted as rejected, and the outbox is empty
        assertThat(service.seqs()).filteredOn(seq -> seq == 2).hasSize(1);
        AgentCounters counters = agent.counters();
        assertThat(counters.rejected()).isEqualTo(1);
        assertThat(counters.acked()).isEqualTo(2);
        assertThat(counters.pending()).isZero();
    }

    @Test
    void anUnavailableServiceGetsTheIntervalAgainLater() throws Exception {
        // GIVEN a service that answers 5.03 Service Unavailable to the first two attempts
        service = TestCoapService.plain(DEVICE);
        AtomicInteger attempts = new AtomicInteger();
        service.answer(interval -> attempts.incrementAndGet() <= 2
                ? CoAP.ResponseCode.SERVICE_UNAVAILABLE : CoAP.ResponseCode.CHANGED);
        // WHEN an agent sends one interval
        agent(service.uri(), 1);
        Await.until(WAIT, () -> agent.sourceFinished() && agent.pendingCount() == 0);
        // THEN it arrived three times, was stored at the third, nothing was dropped
        assertThat(service.seqs()).containsExactly(1L, 1L, 1L);
        assertThat(agent.counters().retried()).isEqualTo(2);
        assertThat(agent.counters().acked()).isEqualTo(1);
        assertThat(agent.counters().rejected()).isZero();
    }

    @Test
    void anIntervalOverTheRateLimitIsSentAgainNotDropped() throws Exception {
        // GIVEN a service that answers 4.29 Too Many Requests (rate.exceeded) to the first attempt
        service = TestCoapService.plain(DEVICE);
        AtomicInteger attempts = new AtomicInteger();
        service.answer(interval -> attempts.incrementAndGet() <= 1
                ? CoAP.ResponseCode.TOO_MANY_REQUESTS : CoAP.ResponseCode.CHANGED);
        // WHEN an agent sends one interval
        agent(service.uri(), 1);
        Await.until(WAIT, () -> agent.sourceFinished() && agent.pendingCount() == 0
                && agent.counters().acked() + agent.counters().rejected() == 1);
        // THEN it was sent again and stored, not dropped as a refused payload
        assertThat(service.seqs()).containsExactly(1L, 1L);
        assertThat(agent.counters().acked()).isEqualTo(1);
        assertThat(agent.counters().rejected()).isZero();
    }

    @Test
    void keepsEverythingWhileTheServiceIsDownAndDeliversWhenItIsBack() throws Exception {
        // GIVEN an agent whose service does not run yet (nobody listens on the port)
        service = TestCoapService.plain(DEVICE);
        String uri = service.uri();
        service.close();
        agent(uri, 3);
        Await.until(WAIT, agent::sourceFinished);
        Thread.sleep(300);
        assertThat(agent.pendingCount()).isEqualTo(3);
        // WHEN the service starts on that port
        service = TestCoapService.plainOnPort(DEVICE, URI.create(uri).getPort());
        // THEN all three are delivered
        Await.until(WAIT, () -> agent.pendingCount() == 0);
        assertThat(service.seqs()).contains(1L, 2L, 3L);
    }

    @Test
    void deliversOverDtlsWithThePreSharedKeyDerivedFromTheSecret() throws Exception {
        // GIVEN a DTLS service that knows the device's PSK (identity = device id)
        service = TestCoapService.dtls(DEVICE, SECRET);
        // WHEN an agent sends two intervals over coaps://
        agent(service.uri(), 2);
        Await.until(WAIT, () -> agent.sourceFinished() && agent.pendingCount() == 0);
        // THEN both arrived, without a token in the URI
        assertThat(service.seqs()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(service.counts()).allSatisfy(received -> assertThat(received.token()).isNull());
    }

    @Test
    void passesObservedConfigurationToItsListener() throws Exception {
        // GIVEN a publisher observing the configuration resource
        service = TestCoapService.plain(DEVICE);
        CopyOnWriteArrayList<DeviceConfig> received = new CopyOnWriteArrayList<>();
        CoapCountPublisher publisher = new CoapCountPublisher(new DeviceIdentity(DEVICE, SECRET, "fw-1"),
                new CoapCountPublisher.Settings(URI.create(service.uri()), Encoding.CBOR, Duration.ofMillis(500), 2,
                        Duration.ofSeconds(2)), received::add);
        try {
            publisher.connect();
            // WHEN the platform sets a configuration, then changes it
            service.configure(new DeviceConfig(900, 30));
            Await.until(WAIT, () -> received.size() >= 1);
            service.configure(new DeviceConfig(60, 10));
            // THEN both arrive, in order
            Await.until(WAIT, () -> received.contains(new DeviceConfig(60, 10)));
            assertThat(received.get(0)).isEqualTo(new DeviceConfig(900, 30));
        } finally {
            publisher.close();
        }
    }

    @Test
    void theMaxAgeOfA503OrA429IsTheLeastWait() {
        Response unavailable = new Response(CoAP.ResponseCode.SERVICE_UNAVAILABLE);
        unavailable.getOptions().setMaxAge(9);
        Response throttled = new Response(CoAP.ResponseCode.TOO_MANY_REQUESTS);
        throttled.getOptions().setMaxAge(2);

        assertThat(((Delivery.Retry) CoapCountPublisher.delivery(answer(unavailable))).atLeast())
                .isEqualTo(Duration.ofSeconds(9));
        assertThat(((Delivery.Retry) CoapCountPublisher.delivery(answer(throttled))).atLeast())
                .isEqualTo(Duration.ofSeconds(2));
        // without Max-Age (CoAP's default of 60 s is about caching, not retrying) the backoff alone decides
        assertThat(((Delivery.Retry) CoapCountPublisher.delivery(
                answer(new Response(CoAP.ResponseCode.SERVICE_UNAVAILABLE)))).atLeast()).isZero();
    }

    /** A response as the client hands it over (Californium's constructor is for its own use: a subclass of none). */
    private static CoapResponse answer(Response response) {
        return new CoapResponse(response) { };
    }
}
