package org.roadpulse.agent.transport.coap;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.roadpulse.agent.outbox.OutboxRecord;
import org.roadpulse.agent.transport.CountPublisher;
import org.roadpulse.agent.transport.Delivery;
import org.roadpulse.agent.transport.DeviceIdentity;
import org.roadpulse.agent.transport.RefusalBody;
import org.roadpulse.agent.transport.TransportException;
import org.roadpulse.protocol.DeviceConfig;
import org.roadpulse.protocol.DeviceSecrets;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.StatusCodec;
import org.roadpulse.protocol.StatusReport;
import org.roadpulse.protocol.Topics;
import org.roadpulse.protocol.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Publishes over CoAP with Californium, as contract v1 describes:
 * <ul>
 *   <li>{@code POST /v1/{device}/counts} and {@code /v1/{device}/status}, confirmable, content format
 *       {@code application/cbor} (60) or {@code application/json} (50) after the payload's encoding;</li>
 *   <li>{@code coaps://}: DTLS with a pre-shared key (identity = device id, key =
 *       {@link DeviceSecrets#preSharedKey}); {@code coap://}: plain UDP, authenticated by the query
 *       {@code token=<secret>};</li>
 *   <li>{@code GET /v1/{device}/config} with Observe: each notification is passed to the configuration listener.</li>
 * </ul>
 * The service answers 2.04 when the interval is stored (or was already), 4.xx when it refuses it, 5.03 when it cannot
 * store now. So: 2.xx is {@link Delivery.Acked}; 4.xx {@link Delivery.Rejected} — except 4.01 and 4.03, which say the
 * <em>device</em> is not (yet) authorised, not that the payload is bad: dropping the outbox for that would lose every
 * interval of a device that is not provisioned yet, so those are retried with backoff and logged as errors — and
 * 4.29, which says the device sends faster than its rate limit (retried with backoff too);
 * 5.xx and no answer at all are {@link Delivery.Retry}, and no answer also marks the service unreachable, so the
 * drainer checks it again (CoAP ping) with backoff before sending more.
 */
public final class CoapCountPublisher implements CountPublisher {

    /**
     * @param serverUri     {@code coap://host:5683} or {@code coaps://host:5684}
     * @param encoding      encoding of status messages (counts go as the outbox stored them)
     * @param ackTimeout    CoAP ACK_TIMEOUT, the first retransmission timeout
     * @param maxRetransmit CoAP MAX_RETRANSMIT
     * @param pingTimeout   how long {@link #connect()} waits for the service to answer a ping (DTLS handshake included)
     */
    public record Settings(URI serverUri, Encoding encoding, Duration ackTimeout, int maxRetransmit,
                           Duration pingTimeout) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CoapCountPublisher.class);

    private final DeviceIdentity device;
    private final Settings settings;
    private final Consumer<DeviceConfig> configListener;
    private final boolean secure;
    private volatile CoapEndpoint endpoint;
    private volatile CoapClient root;
    private volatile CoapClient counts;
    private volatile CoapClient status;
    private volatile CoapClient config;
    private CoapObserveRelation observation;
    private volatile boolean reachable;
    private volatile boolean closed;

    public CoapCountPublisher(DeviceIdentity device, Settings settings, Consumer<DeviceConfig> configListener) {
        String scheme = settings.serverUri().getScheme();
        if (!"coap".equals(scheme) && !"coaps".equals(scheme)) {
            throw new IllegalArgumentException("a CoAP server URI starts with coap:// or coaps://, not " + scheme);
        }
        this.device = device;
        this.settings = settings;
        this.configListener = configListener;
        this.secure = "coaps".equals(scheme);
    }

    @Override
    public synchronized void connect() throws TransportException {
        if (closed) {
            throw new TransportException("closed");
        }
        try {
            if (endpoint == null) {
                start();
            }
        } catch (IOException | RuntimeException e) {
            throw new TransportException("cannot start the CoAP endpoint: " + e.getMessage(), e);
        }
        if (!root.ping(settings.pingTimeout().toMillis())) {
            throw new TransportException("no answer from " + settings.serverUri() + " within "
                    + settings.pingTimeout().toMillis() + " ms");
        }
        reachable = true;
        observeConfig();
    }

    @Override
    public boolean connected() {
        return reachable && !closed;
    }

    @Override
    public CompletableFuture<Delivery> publish(OutboxRecord record) {
        CompletableFuture<Delivery> answer = new CompletableFuture<>();
        CoapClient client = counts;
        if (client == null || closed) {
            answer.complete(Delivery.retry("not started"));
            return answer;
        }
        byte[] payload = record.payload();
        client.advanced(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                answer.complete(delivery(response));
            }

            @Override
            public void onError() {
                reachable = false;
                answer.complete(Delivery.retry("no answer from " + settings.serverUri()));
            }
        }, post(client, payload, Encoding.sniff(payload)));
        return answer;
    }

    @Override
    public CompletableFuture<Void> publishStatus(StatusReport report) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CoapClient client = status;
        if (client == null || closed) {
            done.complete(null);
            return done;
        }
        client.advanced(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                if (!response.isSuccess()) {
                    LOG.debug("{}: status answered {}", device.deviceId(), response.getCode());
                }
                done.complete(null);
            }

            @Override
            public void onError() {
                done.complete(null);
            }
        }, post(client, StatusCodec.encode(report, settings.encoding()), settings.encoding()));
        return done;
    }

    @Override
    public synchronized void close() {
        closed = true;
        reachable = false;
        if (observation != null) {
            observation.proactiveCancel();
            observation = null;
        }
        shutdown();
    }

    @Override
    public synchronized void halt() {
        closed = true;
        reachable = false;
        shutdown();
    }

    /** Maps the service's response code to what the outbox does with the interval. */
    static Delivery delivery(CoapResponse response) {
        CoAP.ResponseCode code = response.getCode();
        String text = code + (response.getPayloadSize() > 0 ? " " + response.getResponseText() : "");
        if (code.isSuccess()) {
            return Delivery.acked();
        }
        if (code == CoAP.ResponseCode.UNAUTHORIZED || code == CoAP.ResponseCode.FORBIDDEN) {
            LOG.error("the service does not accept this device's credentials ({}): check its id and secret", text);
            return Delivery.retry(text);
        }
        // Over the device's rate limit (rate.exceeded) or unavailable: the payload is fine, it is sent again later,
        // not before the Max-Age the service named.
        long maxAge = response.getOptions().hasMaxAge() ? response.getOptions().getMaxAge() : -1;
        if (code == CoAP.ResponseCode.TOO_MANY_REQUESTS) {
            return Delivery.retryAfter(text, maxAge);
        }
        if (code.isClientError()) {
            return RefusalBody.rejection(code.toString(), response.getPayload());
        }
        return code == CoAP.ResponseCode.SERVICE_UNAVAILABLE ? Delivery.retryAfter(text, maxAge)
                : Delivery.retry(text);
    }

    private void start() throws IOException {
        Configuration configuration = CaliforniumConfiguration.create(settings.ackTimeout(), settings.maxRetransmit());
        CoapEndpoint.Builder builder = new CoapEndpoint.Builder().setConfiguration(configuration);
        if (secure) {
            DtlsConnectorConfig.Builder dtls = DtlsConnectorConfig.builder(configuration)
                    .setAddress(new InetSocketAddress(0))
                    .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                    .setAdvancedPskStore(new AdvancedSinglePskStore(device.deviceId(),
                            DeviceSecrets.preSharedKey(device.secret())));
            builder.setConnector(new DTLSConnector(dtls.build()));
        } else {
            builder.setInetSocketAddress(new InetSocketAddress(0));
        }
        endpoint = builder.build();
        endpoint.start();
        root = client(uri(null));
        counts = client(uri("counts"));
        status = client(uri("status"));
        config = client(uri("config"));
    }

    private CoapClient client(String uri) {
        CoapClient client = new CoapClient(uri);
        client.setEndpoint(endpoint);
        return client;
    }

    /** The resource URI; on plain UDP with the device's token in the query. */
    private String uri(String resource) {
        URI base = settings.serverUri();
        String authority = base.getRawAuthority();
        if (resource == null) {
            return base.getScheme() + "://" + authority;
        }
        String path = "/" + Topics.COAP_ROOT + "/" + device.deviceId() + "/" + resource;
        String query = secure || device.secret() == null ? ""
                : "?token=" + URLEncoder.encode(device.secret(), StandardCharsets.UTF_8);
        return base.getScheme() + "://" + authority + path + query;
    }

    private static Request post(CoapClient client, byte[] payload, Encoding encoding) {
        Request request = Request.newPost();
        request.setURI(client.getURI());
        request.setConfirmable(true);
        request.setPayload(payload);
        request.getOptions().setContentFormat(encoding.coapContentFormat());
        return request;
    }

    private void observeConfig() {
        if (observation != null) {
            observation.reactiveCancel();
        }
        Request get = Request.newGet();
        get.setURI(config.getURI());
        get.setObserve();
        observation = config.observe(get, new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                if (response.getCode() != CoAP.ResponseCode.CONTENT || response.getPayloadSize() == 0) {
                    LOG.debug("{}: configuration resource answered {}", device.deviceId(), response.getCode());
                    return;
                }
                byte[] payload = response.getPayload();
                Encoding encoding = Encoding.fromCoapContentFormat(response.getOptions().getContentFormat())
                        .orElse(Encoding.sniff(payload));
                Verdict<DeviceConfig> received = StatusCodec.decodeConfig(payload, encoding);
                if (received.isAccepted()) {
                    LOG.info("{}: configuration received: {}", device.deviceId(), received.value());
                    configListener.accept(received.value());
                } else {
                    LOG.warn("{}: ignoring an invalid configuration: {}", device.deviceId(), received.rejection());
                }
            }

            @Override
            public void onError() {
                LOG.debug("{}: observing the configuration failed; retried on the next connect", device.deviceId());
            }
        });
    }

    private void shutdown() {
        for (CoapClient client : new CoapClient[]{root, counts, status, config}) {
            if (client != null) {
                client.shutdown();
            }
        }
        if (endpoint != null) {
            endpoint.destroy();
            endpoint = null;
        }
        root = counts = status = config = null;
    }
}
