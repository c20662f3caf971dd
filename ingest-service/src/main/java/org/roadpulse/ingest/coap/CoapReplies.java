package org.roadpulse.ingest.coap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.roadpulse.ingest.intake.IntakeResult;
import org.roadpulse.protocol.Reasons;
import org.roadpulse.protocol.Rejection;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The CoAP answers of the intake, each with a small JSON body (content format 50): 2.04 for a stored message, a 4.xx
 * naming the rejection's reason, 5.03 with Max-Age as the time to wait before retrying.
 */
final class CoapReplies {

    /** Max-Age of a 5.03: seconds a device should wait before it sends again. */
    static final long RETRY_AFTER_SECONDS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ResponseCode> CODES = Map.of(
            Reasons.AUTH_MISSING, ResponseCode.UNAUTHORIZED,
            Reasons.AUTH_INVALID, ResponseCode.UNAUTHORIZED,
            Reasons.DEVICE_MISMATCH, ResponseCode.FORBIDDEN,
            Reasons.DEVICE_UNKNOWN, ResponseCode.FORBIDDEN,
            Reasons.DEVICE_REVOKED, ResponseCode.FORBIDDEN,
            Reasons.PAYLOAD_TOO_LARGE, ResponseCode.REQUEST_ENTITY_TOO_LARGE,
            Reasons.ENCODING_UNSUPPORTED, ResponseCode.UNSUPPORTED_CONTENT_FORMAT);

    private CoapReplies() {
    }

    static Response to(IntakeResult result) {
        if (result instanceof IntakeResult.Stored stored) {
            ObjectNode body = JSON.createObjectNode()
                    .put("status", stored.duplicate() ? "duplicate" : "stored")
                    .put("device", stored.deviceId())
                    .put("seq", stored.seq());
            return json(ResponseCode.CHANGED, body);
        }
        if (result instanceof IntakeResult.Rejected rejected) {
            return rejection(rejected.rejection());
        }
        if (result instanceof IntakeResult.Throttled throttled) {
            Response response = json(ResponseCode.TOO_MANY_REQUESTS, JSON.createObjectNode()
                    .put("reason", Reasons.RATE_EXCEEDED)
                    .put("message", "faster than this device's limit; send it again later"));
            response.getOptions().setMaxAge(throttled.retryAfterSeconds());
            return response;
        }
        return unavailable(((IntakeResult.Unavailable) result).why());
    }

    static Response rejection(Rejection rejection) {
        ObjectNode body = JSON.createObjectNode()
                .put("reason", rejection.reason())
                .put("field", rejection.field())
                .put("message", rejection.message());
        return json(CODES.getOrDefault(rejection.reason(), ResponseCode.BAD_REQUEST), body);
    }

    static Response unavailable(String why) {
        Response response = json(ResponseCode.SERVICE_UNAVAILABLE,
                JSON.createObjectNode().put("status", "unavailable").put("message", why));
        response.getOptions().setMaxAge(RETRY_AFTER_SECONDS);
        return response;
    }

    static Response done(ResponseCode code, String status) {
        return json(code, JSON.createObjectNode().put("status", status));
    }

    static Response json(ResponseCode code, ObjectNode body) {
        Response response = new Response(code);
        try {
            response.setPayload(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        response.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
        return response;
    }
}
