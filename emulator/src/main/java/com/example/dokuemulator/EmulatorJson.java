package com.example.dokuemulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The emulator's own plain Jackson mapper (not the application's, whose naming strategy is set for
 * the gateway's records) and the small helpers every answer builder uses.
 */
final class EmulatorJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EmulatorJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a request body; anything but a JSON object is a 400. */
    static JsonNode parseObject(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw EmulatorRejection.invalidParameter("the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw EmulatorRejection.invalidParameter("the body is not valid JSON");
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        return write(node).getBytes(StandardCharsets.UTF_8);
    }

    /** Puts a text field unless the value is {@code null}: DOKU leaves out what it does not know. */
    static ObjectNode putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
        return node;
    }

    static ObjectNode putDate(ObjectNode node, String field, Instant value) {
        return putText(node, field, value == null ? null : EmulatorSignatures.timestamp(value));
    }
}
