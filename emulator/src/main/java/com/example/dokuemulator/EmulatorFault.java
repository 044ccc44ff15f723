package com.example.dokuemulator;

/**
 * A misbehaviour the emulator can be told to show, once, for one operation. Request faults act on
 * the next incoming request of that operation; notification faults act on the next notification
 * that operation sends (a page payment's notification belongs to {@code PAYMENT_PAGE}).
 */
public enum EmulatorFault {

    /** Answer 500 with DOKU's generic error body, without processing. */
    HTTP_500(500),
    /** Answer 503 without processing, with the Retry-After set by {@link DokuEmulator#retryAfter}. */
    HTTP_503(503),
    /** Answer 429 without processing, with the Retry-After set by {@link DokuEmulator#retryAfter}. */
    HTTP_429(429),
    /** Process and ledger the request, then answer only after {@code emulator.delay}. */
    DELAY(0),
    /** Close the TCP connection without processing. */
    DROP_CONNECTION(0),
    /** Process and ledger the request, then close the connection without answering. */
    ANSWER_LOST(0),
    /** Process and ledger the request, then answer with a signature that does not verify. */
    BAD_RESPONSE_SIGNATURE(0),
    /** Send the notification twice, byte for byte, with the same Request-Id. */
    DUPLICATE_NOTIFICATION(0),
    /**
     * Sign and store the notification but do not send it; {@link DokuEmulator#resendNotification}
     * delivers it later (out-of-order delivery).
     */
    HOLD_NOTIFICATION(0);

    private final int httpStatus;

    EmulatorFault(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The status answered instead of processing, or 0 when the fault is not a plain HTTP error. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether the fault acts on notifications rather than on incoming requests. */
    public boolean onNotification() {
        return this == DUPLICATE_NOTIFICATION || this == HOLD_NOTIFICATION;
    }
}
