package org.roadpulse.roadai.service.queue;

/** A request parameter or body field that breaks a rule: answered with 400 naming it. */
public final class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
