package com.example.gateway.api;

import com.example.gateway.support.ApiKeyEntries;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The internal callers allowed in, from {@code GATEWAY_API_KEYS} ({@code name:key,name:key}).
 * Keys are held as SHA-256 digests and compared in constant time.
 */
@ApplicationScoped
public class ApiKeys {

    private final Map<String, byte[]> digestByClient = new LinkedHashMap<>();

    ApiKeys(ApiConfig config) {
        for (ApiKeyEntries.Entry entry : ApiKeyEntries.parse(config.apiKeys().orElse(""))) {
            digestByClient.put(entry.client(), sha256(entry.key()));
        }
    }

    /** The client whose key this is; every configured key is compared, whatever matches first. */
    public Optional<String> clientFor(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        String match = null;
        for (Map.Entry<String, byte[]> client : digestByClient.entrySet()) {
            if (MessageDigest.isEqual(client.getValue(), presented) && match == null) {
                match = client.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
