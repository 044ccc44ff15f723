package com.example.gateway.emulator;

/** The emulator's names for DOKU's operations, as its control API takes and reports them. */
public enum EmulatorOperation {
    PAYMENT_PAGE,
    CHECK_THREE_D_SECURE,
    CHARGE,
    CAPTURE,
    REFUND,
    CHECK_STATUS,
    LIST_TOKENS,
    DELETE_TOKEN
}
