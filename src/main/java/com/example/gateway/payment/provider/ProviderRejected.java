package com.example.gateway.payment.provider;

/** The provider refused the call for good (never retried); {@link #notFound()} if it knows no such transaction. */
public final class ProviderRejected extends ProviderFailure {

    private final String errorCode;
    private final String errorMessage;
    private final boolean notFound;

    public ProviderRejected(String message, String errorCode, String errorMessage, boolean notFound) {
        super(message);
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.notFound = notFound;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public boolean notFound() {
        return notFound;
    }
}
