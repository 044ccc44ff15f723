package com.example.gateway.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * {@code limit} and {@code cursor} of a keyset-paginated listing. The cursor is opaque to clients:
 * the sort instant and id of the last item served, so pages stay stable while rows are added.
 */
record PageRequest(int limit, Instant afterInstant, String afterId) {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    /** Reads both parameters, adding an error for each bad one. */
    static PageRequest parse(String limitText, String cursorText, List<FieldError> errors) {
        int limit = limit(limitText, errors);
        if (cursorText == null) {
            return new PageRequest(limit, null, null);
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursorText), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            return new PageRequest(limit, Instant.parse(decoded.substring(0, bar)), decoded.substring(bar + 1));
        } catch (RuntimeException e) {
            errors.add(new FieldError("cursor", "is not a cursor this API issued"));
            return new PageRequest(limit, null, null);
        }
    }

    /** The cursor to the page after one whose last item is sorted at {@code instant} with {@code id}. */
    static String cursorAfter(Instant instant, String id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((instant.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** How many rows to fetch: one more than asked tells whether another page exists. */
    int fetchSize() {
        return limit + 1;
    }

    private static int limit(String text, List<FieldError> errors) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("limit", "must be an integer from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }
}
