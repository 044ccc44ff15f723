package com.example.gateway.doku;

/** The DOKU calls the gateway makes, with their paths below the base URL. */
public enum DokuOperation {
    PAYMENT_PAGE("/credit-card/v1/payment-page"),
    CHECK_THREE_D_SECURE("/credit-card/check-three-d-secure"),
    CHARGE("/credit-card/charge"),
    CAPTURE("/credit-card/capture"),
    REFUND("/cancellation/credit-card/refund"),
    CHECK_STATUS("/orders/v1/status/"),
    LIST_TOKENS("/tokenization/v1/tokens"),
    DELETE_TOKEN("/credit-card/delete-tokenization");

    private final String path;

    DokuOperation(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The metric tag value. */
    public String tag() {
        return name().toLowerCase();
    }
}
