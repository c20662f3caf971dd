package org.roadpulse.ingest.flow;

import io.micronaut.core.annotation.Nullable;

/**
 * A planner's question that cannot be answered as asked, with a reason code and the parameter at fault; the HTTP
 * layer answers it with 400 (404 for an unknown site).
 */
public final class FlowRequestException extends RuntimeException {

    private final String reason;
    private final String parameter;

    public FlowRequestException(String reason, @Nullable String parameter, String message) {
        super(message);
        this.reason = reason;
        this.parameter = parameter;
    }

    public String reason() {
        return reason;
    }

    @Nullable
    public String parameter() {
        return parameter;
    }
}
