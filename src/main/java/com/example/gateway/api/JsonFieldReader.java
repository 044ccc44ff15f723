package com.example.gateway.api;

import com.example.gateway.support.CleanText;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads a Jackson tree field by field and collects {@link FieldError}s instead of throwing, so that a
 * request is answered with every invalid field at once.
 *
 * <p>A reader points at one value (possibly absent) at a JSON path such as {@code line_items[1].price};
 * all readers of one request share one error list, and a field keeps only its first error. JSON
 * {@code null} counts as absent. The value methods ({@link #text}, {@link #money}, ...) return
 * {@code null} when the value is absent or invalid, recording the latter. Error messages are fixed
 * texts: they never contain the submitted value.
 */
final class JsonFieldReader {

    static final long MAX_MONEY = 999_999_999_999L;
    /** The longest unknown field name shown in an error (the API's own names are far shorter). */
    static final int MAX_SHOWN_NAME = 40;

    private final JsonNode node;
    private final String path;
    private final List<FieldError> errors;

    private JsonFieldReader(JsonNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** A reader for a request body that must be a JSON object with only the given fields. */
    static JsonFieldReader root(JsonNode body, String... knownFields) {
        JsonFieldReader root = new JsonFieldReader(body, "", new ArrayList<>());
        root.requireWhen(true, "must be a JSON object");
        return root.object(knownFields);
    }

    // ---- navigation and presence

    JsonFieldReader field(String name) {
        JsonNode child = node == null ? null : node.get(name);
        return new JsonFieldReader(child, childPath(name), errors);
    }

    /** The field, reported as missing if this object is present and the field is not. */
    JsonFieldReader required(String name) {
        return field(name).requireWhen(isPresent(), "is required");
    }

    boolean isPresent() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    JsonFieldReader requireWhen(boolean condition, String message) {
        if (condition && !isPresent()) {
            reject(message);
        }
        return this;
    }

    JsonFieldReader forbidWhen(boolean condition, String message) {
        if (condition && isPresent()) {
            reject(message);
        }
        return this;
    }

    // ---- errors

    /** Records an error on this field, unless it already has one. */
    void reject(String message) {
        String field = path.isEmpty() ? "body" : path;
        if (errors.stream().noneMatch(error -> error.field().equals(field))) {
            errors.add(new FieldError(field, message));
        }
    }

    /** Whether this field or anything inside it has an error. */
    boolean hasErrors() {
        return errors.stream().anyMatch(error -> path.isEmpty()
                || error.field().equals(path)
                || error.field().startsWith(path + ".")
                || error.field().startsWith(path + "["));
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    // ---- containers

    /**
     * Checks that the value is an object without unknown fields. Returns this reader, or an absent one
     * when the value is not an object (so that nothing inside it is reported again).
     */
    JsonFieldReader object(String... knownFields) {
        if (!isPresent()) {
            return this;
        }
        if (!node.isObject()) {
            reject("must be a JSON object");
            return new JsonFieldReader(null, path, errors);
        }
        List<String> known = List.of(knownFields);
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                new JsonFieldReader(null, childPath(maskedName(name)), errors).reject("unknown field");
            }
        });
        return this;
    }

    /**
     * The members of an object whose names the client chooses (a map, unlike {@link #object}'s fixed
     * fields), in their order, each with a reader whose path names it as {@code shownName} makes it
     * show. Null when absent; rejected (and null) when not an object.
     */
    Map<String, JsonFieldReader> members(UnaryOperator<String> shownName) {
        if (!isPresent()) {
            return null;
        }
        if (!node.isObject()) {
            return invalid("must be a JSON object");
        }
        Map<String, JsonFieldReader> members = new LinkedHashMap<>();
        node.properties().forEach(member -> members.put(member.getKey(),
                new JsonFieldReader(member.getValue(), childPath(shownName.apply(member.getKey())), errors)));
        return members;
    }

    /**
     * A name the API does not define, as it may be shown: a client may have put anything there (a
     * card number, a secret), so every run of digits becomes {@code #}, anything but letters, digits,
     * {@code _} and {@code -} becomes {@code ?}, and the result is cut to {@value #MAX_SHOWN_NAME}
     * characters. {@code colour} stays {@code colour}; {@code 4111111111111111} becomes {@code #}.
     */
    static String maskedName(String name) {
        String masked = name.replaceAll("[0-9]+", "#").replaceAll("[^A-Za-z#_-]", "?");
        if (masked.isEmpty()) {
            return "?";
        }
        return masked.length() > MAX_SHOWN_NAME ? masked.substring(0, MAX_SHOWN_NAME - 1) + "…" : masked;
    }

    private String childPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /**
     * Reads an optional array in which empty means none: null when absent or empty, else as
     * {@link #array}. Clients generated from the OpenAPI document with openapi-generator's defaults send
     * {@code []} for every optional list they were not given (issue 18).
     */
    <T> List<T> arrayOrNone(Function<JsonFieldReader, T> elementReader) {
        return isPresent() && node.isArray() && node.isEmpty() ? null : array(elementReader);
    }

    /**
     * Reads a non-empty array, one element at a time. Returns null when absent or not an array; the
     * list holds null for elements the element reader found invalid.
     */
    <T> List<T> array(Function<JsonFieldReader, T> elementReader) {
        if (!isPresent()) {
            return null;
        }
        if (!node.isArray()) {
            return invalid("must be an array");
        }
        if (node.size() == 0) {
            return invalid("must not be empty");
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonFieldReader element = new JsonFieldReader(node.get(i), path + "[" + i + "]", errors);
            values.add(element.isPresent() ? elementReader.apply(element) : element.invalid("must not be null"));
        }
        // ArrayList, not List.copyOf: invalid elements are null.
        return Collections.unmodifiableList(values);
    }

    // ---- scalars

    String text(int minLength, int maxLength) {
        return text(minLength, maxLength, value -> true, null);
    }

    /** A string of minLength..maxLength characters that also passes {@code valid}. */
    String text(int minLength, int maxLength, Predicate<String> valid, String message) {
        if (!isPresent()) {
            return null;
        }
        if (!node.isTextual()) {
            return invalid("must be a string");
        }
        String value = node.textValue();
        if (!CleanText.isClean(value)) {
            // Nothing with control characters or broken UTF-16 is stored or passed on to DOKU.
            return invalid("must not contain control characters or unpaired surrogates");
        }
        int length = value.codePointCount(0, value.length());
        if (length < minLength || length > maxLength) {
            return invalid(minLength == maxLength
                    ? "must be exactly " + minLength + " characters"
                    : "must be " + minLength + " to " + maxLength + " characters");
        }
        if (!valid.test(value)) {
            return invalid(message);
        }
        return value;
    }

    /** A string matching a pattern that fixes its whole format (and length). */
    String matching(Pattern pattern, String message) {
        return text(0, Integer.MAX_VALUE, pattern.asMatchPredicate(), message);
    }

    String oneOf(Collection<String> allowed, String message) {
        return text(0, Integer.MAX_VALUE, allowed::contains, message);
    }

    <E extends Enum<E>> E enumValue(List<E> allowed) {
        List<String> names = allowed.stream().map(Enum::name).toList();
        String name = oneOf(names, "must be one of " + String.join(", ", names));
        return name == null ? null : allowed.get(names.indexOf(name));
    }

    /** Money: a JSON integer from 1 to 999999999999 (whole rupiah). */
    Long money() {
        return wholeNumber(1, MAX_MONEY);
    }

    Integer integer(int min, int max) {
        Long value = wholeNumber(min, max);
        return value == null ? null : value.intValue();
    }

    Boolean bool() {
        if (!isPresent()) {
            return null;
        }
        if (!node.isBoolean()) {
            return invalid("must be true or false");
        }
        return node.booleanValue();
    }

    private Long wholeNumber(long min, long max) {
        if (!isPresent()) {
            return null;
        }
        // 100.0 and 1e2 are decimals for Jackson: only integral JSON numbers pass.
        if (!node.isIntegralNumber()) {
            return invalid("must be an integer");
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            return invalid("must be from " + min + " to " + max);
        }
        return node.longValue();
    }

    private <T> T invalid(String message) {
        reject(message);
        return null;
    }
}
