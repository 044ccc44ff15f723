package com.example.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Validates the body of a test clock advance; unknown fields are rejected. */
final class TestClockRequestReader {

    private TestClockRequestReader() {
    }

    /** {@code {"duration": "P7DT1H"}}: an ISO-8601 duration (days, hours, minutes, seconds), forward, at most {@code max}. */
    static Duration readAdvance(JsonNode json, Duration max) {
        JsonFieldReader body = JsonFieldReader.root(json, "duration");
        String text = body.required("duration").text(1, 64, value -> parse(value)
                .filter(by -> !by.isNegative() && !by.isZero() && by.compareTo(max) <= 0).isPresent(),
                "must be an ISO-8601 duration such as P7DT1H, more than zero and at most " + max);
        body.throwIfInvalid();
        return parse(text).orElseThrow();
    }

    private static Optional<Duration> parse(String text) {
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException notADuration) {
            return Optional.empty();
        }
    }
}
