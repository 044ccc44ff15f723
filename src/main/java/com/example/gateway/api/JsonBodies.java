package com.example.gateway.api;

import com.example.gateway.support.StrictJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/** Parses internal API request bodies strictly: one JSON object in well-formed UTF-8, nothing after it. */
final class JsonBodies {

    private JsonBodies() {
    }

    /** An empty body counts as {@code {}}, which suits the bodies whose fields are all optional. */
    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        // Jackson's message may quote the body, which may hold card data: report without it.
        return StrictJson.object(body).orElseThrow(() -> new ValidationException(
                List.of(new FieldError("body", "must be a single well-formed JSON object in UTF-8"))));
    }
}
