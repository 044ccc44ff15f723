package com.example.gateway.doku;

/** DOKU answered with a definitive error (a 4xx other than 409 and 429): final, never retried. */
public final class DokuRejectedException extends DokuException {

    private final int httpStatus;
    private final String errorCode;
    private final String errorMessage;

    public DokuRejectedException(DokuOperation operation, int httpStatus, String errorCode, String errorMessage) {
        super(operation, "DOKU rejected " + operation + " with HTTP " + httpStatus + " " + errorCode);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }
}
