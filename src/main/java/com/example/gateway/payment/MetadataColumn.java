package com.example.gateway.payment;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A payment's metadata as {@link PaymentRows}' plain statements bind and read its {@code jsonb} column:
 * the Vert.x client takes and gives {@link JsonObject}. ({@link Payment} maps the same column as JSON
 * through Hibernate; {@code PaymentRowsTest} checks that both read alike.)
 */
final class MetadataColumn {

    private MetadataColumn() {
    }

    static JsonObject toJson(Map<String, String> metadata) {
        return new JsonObject(new LinkedHashMap<>(metadata == null ? Map.of() : metadata));
    }

    /** Sorted by key, unmodifiable; empty for {@code {}}. */
    static Map<String, String> toMap(JsonObject column) {
        if (column == null || column.isEmpty()) {
            return Map.of();
        }
        Map<String, String> metadata = new TreeMap<>();
        column.forEach(entry -> metadata.put(entry.getKey(), String.valueOf(entry.getValue())));
        return Collections.unmodifiableMap(metadata);
    }
}
