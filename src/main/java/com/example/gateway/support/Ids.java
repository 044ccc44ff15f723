package com.example.gateway.support;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifiers the gateway mints: opaque, prefixed by kind ({@code pay_…}), unguessable. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int LENGTH = 24;
    private static final Pattern MINTED = Pattern.compile("[a-z]+_[0-9a-z]{" + LENGTH + "}");

    private Ids() {
    }

    public static String newId(String prefix) {
        char[] text = new char[LENGTH];
        for (int i = 0; i < text.length; i++) {
            text[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(text);
    }

    /**
     * Whether {@code id} could be one this gateway minted with {@code prefix}: anything else names
     * nothing, so it is answered "not found" without asking the database.
     */
    public static boolean couldBe(String prefix, String id) {
        return id != null && id.startsWith(prefix + "_") && MINTED.matcher(id).matches();
    }

    /** A DOKU Request-Id: a UUID, as DOKU advises (small random numbers collide into 409s). */
    public static String newRequestId() {
        return UUID.randomUUID().toString();
    }
}
