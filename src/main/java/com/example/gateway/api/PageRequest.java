package com.example.gateway.api;

import com.example.gateway.support.Ids;
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
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    /** Reads both parameters, adding an error for each bad one; the cursor names an id minted with {@code idPrefix}. */
    static PageRequest parse(String limitText, String cursorText, String idPrefix, List<FieldError> errors) {
        int limit = limit(limitText, errors);
        if (cursorText == null) {
            return new PageRequest(limit, null, null);
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursorText), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            Instant after = Instant.parse(decoded.substring(0, bar));
            String afterId = decoded.substring(bar + 1);
            if (isStorable(after) && Ids.couldBe(idPrefix, afterId)) {
                return new PageRequest(limit, after, afterId);
            }
        } catch (RuntimeException e) {
            // reported below
        }
        errors.add(new FieldError("cursor", "is not a cursor this API issued"));
        return new PageRequest(limit, null, null);
    }

    /** Whether PostgreSQL can compare a timestamptz with this instant (Instant reaches far beyond it). */
    static boolean isStorable(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(LATEST);
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
