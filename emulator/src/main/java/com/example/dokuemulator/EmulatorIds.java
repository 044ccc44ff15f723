package com.example.dokuemulator;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The identifiers DOKU makes up, in DOKU's formats. Random, not secret: this is an emulator. */
final class EmulatorIds {

    private EmulatorIds() {
    }

    /** 32 hex characters. */
    static String token() {
        return hex(16);
    }

    /** 64 hex characters, as in DOKU's sample. */
    static String authenticationId() {
        return hex(32);
    }

    static String session() {
        return hex(16);
    }

    /** 6 digits. */
    static String approvalCode() {
        return digits(6);
    }

    /** 17 digits, never starting with 0 so that it survives being read as a number. */
    static String authorizeId() {
        return (ThreadLocalRandom.current().nextInt(9) + 1) + digits(16);
    }

    /** The Request-Id of a notification. */
    static String requestId() {
        return UUID.randomUUID().toString();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String digits(int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append(ThreadLocalRandom.current().nextInt(10));
        }
        return text.toString();
    }
}
