package com.example.dokuemulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Set;

/**
 * Typed reads of a request's JSON by dotted path ({@code order.invoice_number}), each refusing what
 * DOKU would refuse with a 400 that names the field.
 */
final class RequestFields {

    /** Amounts are IDR whole numbers of at most 12 digits. */
    private static final long MAX_AMOUNT = 999_999_999_999L;

    private RequestFields() {
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            node = node == null ? null : node.get(name);
        }
        return node == null || node.isNull() ? null : node;
    }

    /** A string (or a number written as one); {@code null} when absent or blank. */
    static String text(JsonNode root, String path) {
        JsonNode node = at(root, path);
        if (node == null || node.isContainerNode()) {
            return null;
        }
        String text = node.asText();
        return text.isBlank() ? null : text;
    }

    static String requiredText(JsonNode root, String path, int maxLength) {
        String text = text(root, path);
        if (text == null) {
            throw EmulatorRejection.invalidParameter(path + " is mandatory");
        }
        if (text.length() > maxLength) {
            throw EmulatorRejection.invalidParameter(path + " is longer than " + maxLength + " characters");
        }
        return text;
    }

    /** An amount: a positive whole number (a digit string is tolerated), or {@code null} when absent. */
    static Long amount(JsonNode root, String path) {
        JsonNode node = at(root, path);
        if (node == null) {
            return null;
        }
        long value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.asLong();
        } else if (node.isTextual() && node.asText().matches("\\d{1,12}")) {
            value = Long.parseLong(node.asText());
        } else {
            // DOKU: "in IDR currency and without decimal"; 1000.0 is a bug worth catching.
            throw EmulatorRejection.invalidParameter(path + " must be a whole number of IDR without decimals");
        }
        if (value <= 0 || value > MAX_AMOUNT) {
            throw EmulatorRejection.invalidParameter(path + " must be between 1 and " + MAX_AMOUNT);
        }
        return value;
    }

    static long requiredAmount(JsonNode root, String path) {
        Long value = amount(root, path);
        if (value == null) {
            throw EmulatorRejection.invalidParameter(path + " is mandatory");
        }
        return value;
    }

    /** A flag DOKU documents sometimes as boolean, sometimes as the string "true". */
    static boolean flag(JsonNode root, String path) {
        JsonNode node = at(root, path);
        return node != null && (node.isBoolean() ? node.asBoolean() : "true".equalsIgnoreCase(node.asText()));
    }

    static long wholeNumber(JsonNode node, String path) {
        if (node == null || !(node.isIntegralNumber() || node.isTextual() && node.asText().matches("\\d{1,12}"))) {
            throw EmulatorRejection.invalidParameter(path + " must be a whole number");
        }
        return node.asLong();
    }

    /** One of a fixed set of values, or {@code fallback} when absent. */
    static String oneOf(JsonNode root, String path, Set<String> allowed, String fallback) {
        String value = text(root, path);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw EmulatorRejection.invalidParameter(path + " must be one of " + allowed);
        }
        return value;
    }

    /** An optional absolute http(s) URL. */
    static String url(JsonNode root, String path) {
        String value = text(root, path);
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return value;
            }
        } catch (IllegalArgumentException notAUri) {
            // answered below
        }
        throw EmulatorRejection.invalidParameter(path + " must be an absolute http(s) URL");
    }
}
