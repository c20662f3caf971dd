package org.roadpulse.agent.support;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.roadpulse.agent.transport.coap.CaliforniumConfiguration;
import org.roadpulse.protocol.CountInterval;
import org.roadpulse.protocol.CountIntervalCodec;
import org.roadpulse.protocol.DeviceConfig;
import org.roadpulse.protocol.DeviceSecrets;
import org.roadpulse.protocol.Encoding;
import org.roadpulse.protocol.StatusCodec;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A stand-in for the ingest service's CoAP intake: {@code /v1/{device}/counts|status|config}, answering count
 * POSTs as the test decides and recording what arrived.
 */
public final class TestCoapService implements AutoCloseable {

    /** One count POST as received. */
    public record Received(CountInterval interval, int contentFormat, String token) {
    }

    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final ConfigResource config;
    private final List<Received> counts = new ArrayList<>();
    private final List<byte[]> statuses = new ArrayList<>();
    private final String scheme;
    private volatile Function<CountInterval, CoAP.ResponseCode> answer = interval -> CoAP.ResponseCode.CHANGED;

    private TestCoapService(String deviceId, String pskSecret, int port, String... moreDevices) {
        Configuration configuration = CaliforniumConfiguration.create(Duration.ofMillis(500), 2);
        CoapEndpoint.Builder builder = new CoapEndpoint.Builder().setConfiguration(configuration);
        if (pskSecret != null) {
            DtlsConnectorConfig.Builder dtls = DtlsConnectorConfig.builder(configuration)
                    .setAddress(new InetSocketAddress("127.0.0.1", port))
                    .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY)
                    .setAdvancedPskStore(new AdvancedSinglePskStore(deviceId, DeviceSecrets.preSharedKey(pskSecret)));
            builder.setConnector(new DTLSConnector(dtls.build()));
            scheme = "coaps";
        } else {
            builder.setInetSocketAddress(new InetSocketAddress("127.0.0.1", port));
            scheme = "coap";
        }
        endpoint = builder.build();
        server = new CoapServer(configuration);
        server.addEndpoint(endpoint);
        config = new ConfigResource();
        CoapResource device = new CoapResource(deviceId);
        device.add(new CountsResource(), new StatusResource(), config);
        CoapResource root = new CoapResource("v1");
        root.add(device);
        for (String other : moreDevices) {
            CoapResource more = new CoapResource(other);
            more.add(new CountsResource(), new StatusResource(), new ConfigResource());
            root.add(more);
        }
        server.add(root);
        server.start();
    }

    public static TestCoapService plain(String deviceId) {
        return new TestCoapService(deviceId, null, 0);
    }

    /** A plain service for several devices. */
    public static TestCoapService plainFor(String deviceId, String... moreDevices) {
        return new TestCoapService(deviceId, null, 0, moreDevices);
    }

    /** A plain service on a given port (to bring one back where a stopped one was). */
    public static TestCoapService plainOnPort(String deviceId, int port) {
        return new TestCoapService(deviceId, null, port);
    }

    public static TestCoapService dtls(String deviceId, String secret) {
        return new TestCoapService(deviceId, secret, 0);
    }

    public String uri() {
        return scheme + "://127.0.0.1:" + endpoint.getAddress().getPort();
    }

    public void answer(Function<CountInterval, CoAP.ResponseCode> answer) {
        this.answer = answer;
    }

    public synchronized List<Received> counts() {
        return List.copyOf(counts);
    }

    public synchronized List<Long> seqs() {
        return counts.stream().map(r -> r.interval().seq()).toList();
    }

    public synchronized int statusCount() {
        return statuses.size();
    }

    /** Publishes a new configuration to observers. */
    public void configure(DeviceConfig deviceConfig) {
        config.set(deviceConfig);
    }

    @Override
    public void close() {
        server.destroy();
    }

    private final class CountsResource extends CoapResource {
        CountsResource() {
            super("counts");
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            int format = exchange.getRequestOptions().getContentFormat();
            Encoding encoding = Encoding.fromCoapContentFormat(format).orElse(Encoding.JSON);
            var verdict = new CountIntervalCodec().decode(exchange.getRequestPayload(), encoding);
            if (!verdict.isAccepted()) {
                exchange.respond(CoAP.ResponseCode.BAD_REQUEST, verdict.rejection().toString());
                return;
            }
            synchronized (TestCoapService.this) {
                counts.add(new Received(verdict.value(), format, exchange.getQueryParameter("token")));
            }
            CoAP.ResponseCode code = answer.apply(verdict.value());
            exchange.respond(code, code.isClientError() ? "count.implausible: refused by the test" : "");
        }
    }

    private final class StatusResource extends CoapResource {
        StatusResource() {
            super("status");
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            synchronized (TestCoapService.this) {
                statuses.add(exchange.getRequestPayload());
            }
            exchange.respond(CoAP.ResponseCode.CHANGED);
        }
    }

    private static final class ConfigResource extends CoapResource {
        private volatile DeviceConfig current;

        ConfigResource() {
            super("config");
            setObservable(true);
            setObserveType(CoAP.Type.CON);
            getAttributes().setObservable();
        }

        void set(DeviceConfig config) {
            current = config;
            changed();
        }

        @Override
        public void handleGET(CoapExchange exchange) {
            DeviceConfig config = current;
            if (config == null) {
                // An empty 2.05 keeps the observation alive until a configuration exists.
                exchange.respond(CoAP.ResponseCode.CONTENT, new byte[0], Encoding.CBOR.coapContentFormat());
                return;
            }
            exchange.respond(CoAP.ResponseCode.CONTENT, StatusCodec.encode(config, Encoding.CBOR),
                    Encoding.CBOR.coapContentFormat());
        }
    }
}
