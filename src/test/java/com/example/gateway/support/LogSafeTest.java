package com.example.gateway.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void controlCharactersBackslashesAndLoneSurrogatesAreEscaped() {
        assertEquals("a\\u000d\\u000aINFO forged\\u0000\\u0085\\u005c\\ud800", LogSafe.of("a\r\nINFO forged\u0000\u0085\\\ud800"));
    }

    @Test
    void printableTextAndSurrogatePairsStayAsTheyAre() {
        assertEquals("INV-1 caf\u00e9 \ud83d\ude00", LogSafe.of("INV-1 caf\u00e9 \ud83d\ude00"));
        assertEquals("null", LogSafe.of(null));
    }

    @Test
    void longTextIsCut() {
        String safe = LogSafe.of("x".repeat(10_000));
        assertTrue(safe.length() < 200);
        assertTrue(safe.endsWith("(10000 chars)"));
    }

    @Test
    void cleanTextRejectsWhatLogSafeEscapes() {
        assertFalse(CleanText.isClean("a\u0000"));
        assertFalse(CleanText.isClean("\u009f"));
        assertFalse(CleanText.isClean("\udc00"));
        assertTrue(CleanText.isClean("caf\u00e9 \ud83d\ude00 \u202e"));
    }
}
