package com.example.gateway.support;

import java.security.SecureRandom;
import java.util.UUID;

/** Identifiers the gateway mints: opaque, prefixed by kind ({@code pay_…}), unguessable. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private Ids() {
    }

    public static String newId(String prefix) {
        char[] text = new char[24];
        for (int i = 0; i < text.length; i++) {
            text[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(text);
    }

    /** A DOKU Request-Id: a UUID, as DOKU advises (small random numbers collide into 409s). */
    public static String newRequestId() {
        return UUID.randomUUID().toString();
    }
}
