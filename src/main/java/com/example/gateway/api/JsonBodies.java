package com.example.gateway.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.List;

/** Parses internal API request bodies strictly: one JSON object, no duplicate fields. */
final class JsonBodies {

    private static final ObjectReader READER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .readerFor(JsonNode.class);

    private JsonBodies() {
    }

    /** An empty body counts as {@code {}}, which suits the bodies whose fields are all optional. */
    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return READER.createObjectNode();
        }
        try {
            JsonNode node = READER.readValue(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException malformed) {
            // Jackson's message may quote the body, which may hold card data: report without it.
        }
        throw new ValidationException(List.of(new FieldError("body", "must be a single well-formed JSON object")));
    }
}
