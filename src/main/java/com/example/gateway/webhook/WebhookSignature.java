package com.example.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of Standard Webhooks v1: for each signing key,
 * {@code v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">}, space-separated. The
 * body is signed as the exact bytes that are sent.
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static String header(String webhookId, long timestamp, byte[] body, List<byte[]> keys) {
        byte[] signedPrefix = (webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        return keys.stream().map(key -> "v1," + Base64.getEncoder().encodeToString(hmac(key, signedPrefix, body)))
                .collect(Collectors.joining(" "));
    }

    /** Whether {@code header} holds the signature {@code key} makes of this request (compared in constant time). */
    static boolean isSignedWith(byte[] key, String webhookId, long timestamp, byte[] body, String header) {
        byte[] expected = header(webhookId, timestamp, body, List.of(key)).getBytes(StandardCharsets.UTF_8);
        return Arrays.stream(header.split(" "))
                .anyMatch(signature -> MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
