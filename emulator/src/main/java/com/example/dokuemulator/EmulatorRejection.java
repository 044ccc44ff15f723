package com.example.dokuemulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the emulator refuses, as DOKU would: an HTTP status and DOKU's error body
 * {@code {"error":{"code","message","type"}}}. Thrown by validation and caught at the edge; the
 * test shortcuts ({@link DokuEmulator#pay(String, String)}) fail with it.
 */
public final class EmulatorRejection extends RuntimeException {

    private final int status;
    private final String code;
    private final String type;

    EmulatorRejection(int status, String code, String message, String type) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.type = type;
    }

    static EmulatorRejection invalidParameter(String detail) {
        return new EmulatorRejection(400, "INVALID_PARAMETER", "Invalid Request: " + detail, "Invalid Parameter");
    }

    static EmulatorRejection invalidHeader(String detail) {
        return new EmulatorRejection(400, "INVALID_HEADER", "Invalid Header: " + detail, "Invalid Header");
    }

    static EmulatorRejection invalidSignature() {
        return new EmulatorRejection(401, "INVALID_SIGNATURE", "Invalid Signature", "Invalid Header");
    }

    static EmulatorRejection notFound(String detail) {
        return new EmulatorRejection(404, "NOT_FOUND", detail, "Not Found");
    }

    /** Used by the payment page only: the session was already paid. */
    static EmulatorRejection alreadyProcessed(String detail) {
        return new EmulatorRejection(409, "ALREADY_PROCESSED", detail, "Invalid Request");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    ObjectNode body() {
        ObjectNode body = EmulatorJson.object();
        body.putObject("error").put("code", code).put("message", getMessage()).put("type", type);
        return body;
    }
}
