package com.example.gateway.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a body that must be exactly one JSON object in well-formed UTF-8 (no overlong forms, no
 * surrogates), with nothing after it and no duplicate fields.
 */
public final class StrictJson {

    private static final ObjectReader READER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .readerFor(JsonNode.class);

    private StrictJson() {
    }

    /** The body as a JSON object, or empty when it is anything else. */
    public static Optional<JsonNode> object(byte[] body) {
        try {
            JsonNode node = READER.readValue(strictUtf8(body));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException malformed) {
            return Optional.empty();
        }
    }

    /** Whether every field name and string value in the tree is {@link CleanText clean}. */
    public static boolean isClean(JsonNode node) {
        if (node.isTextual()) {
            return CleanText.isClean(node.textValue());
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!CleanText.isClean(field.getKey()) || !isClean(field.getValue())) {
                return false;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!isClean(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Jackson accepts overlong and otherwise malformed UTF-8 sequences: decode strictly first. */
    private static String strictUtf8(byte[] body) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body)).toString();
    }
}
