package com.example.gateway.api;

import com.example.gateway.support.CardNumbers;
import com.example.gateway.support.CleanText;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payment's {@code metadata}: the caller's own string pairs, read from the body of
 * {@code POST /v1/payments} and from the listing's search ({@code GET /v1/payments?metadata[key]=value}),
 * by the same rules. At most {@value #MAX_KEYS} keys of 1 to {@value #MAX_KEY_LENGTH} characters of
 * {@code A-Z a-z 0-9 _ . -}; values of 1 to {@value #MAX_VALUE_LENGTH} characters without control
 * characters. Neither may contain a card number ({@link CardNumbers#containsCardNumber}): metadata is
 * stored, returned and sent in webhook events, and card numbers never reach the database.
 */
final class PaymentMetadataRules {

    static final int MAX_KEYS = 20;
    static final int MAX_KEY_LENGTH = 40;
    static final int MAX_VALUE_LENGTH = 500;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_KEY_LENGTH + "}");
    private static final Pattern SEARCH_PARAMETER = Pattern.compile("metadata\\[(.*)]");
    private static final String KEY_RULE = "must be 1 to " + MAX_KEY_LENGTH + " characters of A-Z, a-z, 0-9, _, . and -";
    private static final String NO_CARD_NUMBER = "must not contain a card number";

    private PaymentMetadataRules() {
    }

    /**
     * The body's {@code metadata}, sorted by key; empty when absent or {@code {}} (clients generated from
     * the OpenAPI document send {@code {}} for a map they were not given). Each bad entry is reported on
     * {@code metadata.<key>}.
     */
    static Map<String, String> read(JsonFieldReader field) {
        Map<String, JsonFieldReader> members = field.members(PaymentMetadataRules::shownKey);
        if (members == null) {
            return Map.of();
        }
        if (members.size() > MAX_KEYS) {
            field.reject("must have at most " + MAX_KEYS + " keys");
        }
        Map<String, String> metadata = new TreeMap<>();
        members.forEach((key, value) -> {
            String keyProblem = keyProblem(key);
            if (keyProblem != null) {
                value.reject("key " + keyProblem);
                return;
            }
            String text = value.requireWhen(true, "must be a string")
                    .text(1, MAX_VALUE_LENGTH, v -> !CardNumbers.containsCardNumber(v), NO_CARD_NUMBER);
            if (text != null) {
                metadata.put(key, text);
            }
        });
        return Collections.unmodifiableMap(metadata);
    }

    /**
     * The listing's search: every query parameter {@code metadata[key]=value}, to be matched exactly
     * (all of them). Each bad one is reported under its own name; other parameters are not looked at.
     */
    static Map<String, String> search(Map<String, List<String>> query, List<FieldError> errors) {
        Map<String, String> pairs = new TreeMap<>();
        query.forEach((name, values) -> {
            if (!name.startsWith("metadata")) {
                return;
            }
            Matcher parameter = SEARCH_PARAMETER.matcher(name);
            if (!parameter.matches()) {
                errors.add(new FieldError(JsonFieldReader.maskedName(name), "must be metadata[key]=value"));
                return;
            }
            String key = parameter.group(1);
            String shown = "metadata[" + shownKey(key) + "]";
            String keyProblem = keyProblem(key);
            String value = values.size() == 1 ? values.get(0) : null;
            if (keyProblem != null) {
                errors.add(new FieldError(shown, "key " + keyProblem));
            } else if (values.size() != 1) {
                errors.add(new FieldError(shown, "must be given at most once"));
            } else if (value == null || value.isEmpty()) {
                errors.add(new FieldError(shown, "must not be empty"));
            } else if (!CleanText.isClean(value, 1, MAX_VALUE_LENGTH)) {
                errors.add(new FieldError(shown, "must be 1 to " + MAX_VALUE_LENGTH + " characters without control characters"));
            } else if (CardNumbers.containsCardNumber(value)) {
                errors.add(new FieldError(shown, NO_CARD_NUMBER));
            } else {
                pairs.put(key, value);
            }
        });
        if (pairs.size() > MAX_KEYS) {
            errors.add(new FieldError("metadata", "must have at most " + MAX_KEYS + " keys"));
        }
        return pairs;
    }

    /** What is wrong with a key, or null. */
    private static String keyProblem(String key) {
        if (!KEY.matcher(key).matches()) {
            return KEY_RULE;
        }
        return CardNumbers.containsCardNumber(key) ? NO_CARD_NUMBER : null;
    }

    /** A key as an error may name it: itself when it is a valid key, else masked like an unknown field. */
    private static String shownKey(String key) {
        return keyProblem(key) == null ? key : JsonFieldReader.maskedName(key);
    }
}
