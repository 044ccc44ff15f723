package com.example.gateway.doku;

/**
 * One DOKU operation as it goes on the wire: the Request-Id is fixed for its lifetime and reused by
 * every retry; only the timestamp and signature are made anew per attempt.
 */
final class DokuCall {

    private final DokuOperation operation;
    private final String requestId;
    private final String targetSuffix;
    private final byte[] body;
    private volatile boolean possiblyDelivered;

    private DokuCall(DokuOperation operation, String requestId, String targetSuffix, byte[] body) {
        this.operation = operation;
        this.requestId = requestId;
        this.targetSuffix = targetSuffix;
        this.body = body;
    }

    static DokuCall post(DokuOperation operation, String requestId, byte[] body) {
        return new DokuCall(operation, requestId, "", body);
    }

    /** A GET without a body, such as check status, whose path ends with {@code suffix}. */
    static DokuCall get(DokuOperation operation, String requestId, String suffix) {
        return new DokuCall(operation, requestId, suffix, null);
    }

    DokuOperation operation() {
        return operation;
    }

    String requestId() {
        return requestId;
    }

    /** The path below the base URL: the operation's path plus any suffix. */
    String path() {
        return operation.path() + targetSuffix;
    }

    /** The exact bytes to send and sign, or {@code null} for a GET. */
    byte[] body() {
        return body;
    }

    /**
     * Set when an attempt may have reached DOKU without us seeing the answer (read timeout, connection
     * cut after sending, a 5xx that may follow processing). Once set, a final failure means the
     * outcome is unknown rather than "nothing happened".
     */
    void markPossiblyDelivered() {
        possiblyDelivered = true;
    }

    boolean possiblyDelivered() {
        return possiblyDelivered;
    }
}
