package org.roadpulse.ingest.coap;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.server.resources.Resource;
import org.roadpulse.protocol.Limits;
import org.roadpulse.protocol.Topics;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /v1}: below it one subtree per device, {@code /v1/{device}/counts|status|config}. Every device id leads to
 * the same resources (they read the device from the request path), so nothing is kept per device that a stranger
 * could make the server allocate.
 */
final class DevicesResource extends CoapResource {

    private static final Pattern DEVICE_ID = Pattern.compile(Limits.DEVICE_ID_PATTERN);

    private final CoapResource anyDevice;

    DevicesResource(CoapResource... deviceResources) {
        super(Topics.COAP_ROOT);
        anyDevice = new CoapResource("{device}");
        anyDevice.add(deviceResources);
        add(anyDevice);
    }

    @Override
    public Resource getChild(String name) {
        return DEVICE_ID.matcher(name).matches() ? anyDevice : null;
    }

    /** The device of a request to {@code /v1/{device}/...}. */
    static String deviceOf(Request request) {
        List<String> path = request.getOptions().getUriPath();
        return path.size() > 1 ? path.get(1) : "";
    }
}
