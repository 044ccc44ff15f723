package com.example.gateway.doku;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DOKU's "Non-SNAP" request signature: HMAC-SHA256 over the Client-Id, Request-Id, timestamp,
 * request target and (for requests with a body) the Base64 SHA-256 digest of the exact body bytes.
 * The same algorithm signs our requests, DOKU's notifications and the emulator's answers.
 */
public final class DokuSigner {

    public static final String SIGNATURE_PREFIX = "HMACSHA256=";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final String clientId;
    private final byte[] secretKey;

    public DokuSigner(String clientId, String secretKey) {
        this.clientId = clientId;
        this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
    }

    public String clientId() {
        return clientId;
    }

    /** UTC, whole seconds, {@code Z} suffix, as DOKU requires. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static String digest(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * The exact string DOKU signs. A {@code null} body leaves the Digest line out (used by the GET of
     * check status); an empty body still has a digest.
     */
    public String stringToSign(String requestId, String timestamp, String requestTarget, byte[] body) {
        return stringToSign("Request-Timestamp", requestId, timestamp, requestTarget, body);
    }

    /**
     * DOKU signs its answers like requests, with a {@code Response-Timestamp} line in place of the
     * {@code Request-Timestamp} one, the path of the request as target, and the digest of the answer's body.
     */
    public String responseStringToSign(String requestId, String timestamp, String requestTarget, byte[] body) {
        return stringToSign("Response-Timestamp", requestId, timestamp, requestTarget, body);
    }

    private String stringToSign(String timestampHeader, String requestId, String timestamp, String requestTarget,
            byte[] body) {
        StringBuilder text = new StringBuilder()
                .append("Client-Id:").append(clientId).append('\n')
                .append("Request-Id:").append(requestId).append('\n')
                .append(timestampHeader).append(':').append(timestamp).append('\n')
                .append("Request-Target:").append(requestTarget);
        if (body != null) {
            text.append('\n').append("Digest:").append(digest(body));
        }
        return text.toString();
    }

    /** The value of the {@code Signature} header. */
    public String sign(String requestId, String timestamp, String requestTarget, byte[] body) {
        return signatureOf(stringToSign(requestId, timestamp, requestTarget, body));
    }

    /**
     * Checks a received signature in constant time. The Client-Id must be ours as well: a message
     * signed for another merchant is not for us even if the key were shared.
     */
    public boolean verify(String receivedClientId, String requestId, String timestamp, String requestTarget,
            byte[] body, String receivedSignature) {
        if (receivedClientId == null || requestId == null || timestamp == null || receivedSignature == null) {
            return false;
        }
        return matches(receivedClientId, stringToSign(requestId, timestamp, requestTarget, body), receivedSignature);
    }

    /** Checks the signature of one of DOKU's answers (see {@link #responseStringToSign}), in constant time. */
    public boolean verifyResponse(String receivedClientId, String requestId, String timestamp, String requestTarget,
            byte[] body, String receivedSignature) {
        if (receivedClientId == null || timestamp == null || receivedSignature == null) {
            return false;
        }
        return matches(receivedClientId, responseStringToSign(requestId, timestamp, requestTarget, body),
                receivedSignature);
    }

    private boolean matches(String receivedClientId, String stringToSign, String receivedSignature) {
        byte[] expected = signatureOf(stringToSign).getBytes(StandardCharsets.UTF_8);
        byte[] actual = receivedSignature.trim().getBytes(StandardCharsets.UTF_8);
        boolean signatureMatches = MessageDigest.isEqual(expected, actual);
        boolean clientMatches = MessageDigest.isEqual(
                clientId.getBytes(StandardCharsets.UTF_8), receivedClientId.getBytes(StandardCharsets.UTF_8));
        return signatureMatches & clientMatches;
    }

    /** The Signature header value for a ready string to sign. */
    String signatureOf(String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            return SIGNATURE_PREFIX + Base64.getEncoder()
                    .encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        // Never print the key.
        return "DokuSigner[clientId=" + clientId + "]";
    }
}
