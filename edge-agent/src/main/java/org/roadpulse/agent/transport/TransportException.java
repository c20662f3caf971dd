package org.roadpulse.agent.transport;

/** The service cannot be reached right now: connecting failed or timed out. */
public class TransportException extends Exception {

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
