package com.example.gateway.doku;

import com.example.gateway.support.RequestTiming;
import java.time.Duration;
import java.time.Instant;

/**
 * One DOKU operation as it goes on the wire: the Request-Id is fixed for its lifetime and reused by
 * every retry; only the timestamp and signature are made anew per attempt.
 */
final class DokuCall {

    private final DokuOperation operation;
    private final String requestId;
    private final String targetSuffix;
    private final byte[] body;
    /** The API request this call serves, taken when the call is made (null outside one): its attempts add to it. */
    private final RequestTiming timing = RequestTiming.current();
    private volatile boolean possiblyDelivered;
    private volatile Instant firstAttemptAt;
    private volatile Instant notBefore;

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

    /** Adds an attempt's time on the wire to the Server-Timing of the API request that made the call. */
    void attemptTook(long nanos) {
        if (timing != null) {
            timing.dokuAttempt(nanos);
        }
    }

    /** Notes when an attempt starts; the first one starts the retry budget. */
    void attemptStarting(Instant now) {
        if (firstAttemptAt == null) {
            firstAttemptAt = now;
        }
    }

    /** How long since the first attempt started. */
    Duration elapsed(Instant now) {
        return firstAttemptAt == null ? Duration.ZERO : Duration.between(firstAttemptAt, now);
    }

    /** DOKU asked (Retry-After) that the next attempt not go out before {@code instant}. */
    void notBefore(Instant instant) {
        notBefore = instant;
    }

    /** How long the next attempt must still wait for DOKU's Retry-After; zero when it may go now. */
    Duration waitBeforeNextAttempt(Instant now) {
        Instant earliest = notBefore;
        return earliest == null || !earliest.isAfter(now) ? Duration.ZERO : Duration.between(now, earliest);
    }
}
