package com.example.gateway.doku;

/** A DOKU call that did not end in an answer the gateway can use. Messages never carry request bodies. */
public abstract class DokuException extends RuntimeException {

    private final DokuOperation operation;

    protected DokuException(DokuOperation operation, String message) {
        super(message, null, false, false);
        this.operation = operation;
    }

    public DokuOperation operation() {
        return operation;
    }
}
