package com.example.dokuemulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The emulator's own implementation of DOKU's "Non-SNAP" signature, deliberately independent of the
 * gateway's signer so that a bug there shows up here as a 401 instead of being mirrored.
 *
 * <pre>
 * Client-Id:&lt;id&gt;\nRequest-Id:&lt;id&gt;\nRequest-Timestamp:&lt;ts&gt;\nRequest-Target:&lt;path&gt;[\nDigest:&lt;b64 sha256 body&gt;]
 * Signature: HMACSHA256=&lt;b64 hmac-sha256(secret, string to sign)&gt;
 * </pre>
 */
final class EmulatorSignatures {

    static final String PREFIX = "HMACSHA256=";
    static final int MAX_REQUEST_ID_LENGTH = 128;

    /** How far a request's timestamp may be from the emulator's clock. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final String clientId;
    private final byte[] secretKey;

    EmulatorSignatures(String clientId, String secretKey) {
        this.clientId = clientId;
        this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
    }

    String clientId() {
        return clientId;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static String digest(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The text that is signed. {@code timestampHeader} is {@code Request-Timestamp} for requests and
     * notifications, {@code Response-Timestamp} for answers; a {@code null} body (a GET) has no Digest line.
     */
    static String stringToSign(String clientId, String requestId, String timestampHeader, String timestamp,
            String target, byte[] body) {
        String text = "Client-Id:" + clientId
                + "\nRequest-Id:" + requestId
                + "\n" + timestampHeader + ":" + timestamp
                + "\nRequest-Target:" + target;
        return body == null ? text : text + "\nDigest:" + digest(body);
    }

    /** The Signature header value for a request or notification we send. */
    String signRequest(String requestId, String timestamp, String target, byte[] body) {
        return signatureOf(stringToSign(clientId, requestId, "Request-Timestamp", timestamp, target, body));
    }

    /** The Signature header value for an answer, signed as DOKU signs its answers. */
    String signResponse(String requestId, String timestamp, String target, byte[] body) {
        return signatureOf(stringToSign(clientId, requestId, "Response-Timestamp", timestamp, target, body));
    }

    /**
     * Checks the four signing headers of an incoming request. Returns why it is refused, or
     * {@code null} when it is valid. The reasons are for the log; the caller only ever answers 401.
     */
    String refusal(String receivedClientId, String requestId, String timestamp, String signature,
            String target, byte[] body, Instant now) {
        if (receivedClientId == null || requestId == null || timestamp == null || signature == null) {
            return "a signing header is missing";
        }
        if (!constantTimeEquals(clientId, receivedClientId)) {
            return "unknown Client-Id " + receivedClientId;
        }
        Instant sentAt;
        try {
            sentAt = Instant.from(TIMESTAMP.parse(timestamp));
        } catch (DateTimeParseException e) {
            return "Request-Timestamp '" + timestamp + "' is not yyyy-MM-dd'T'HH:mm:ss'Z'";
        }
        if (Duration.between(sentAt, now).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            return "Request-Timestamp " + timestamp + " is more than " + MAX_CLOCK_SKEW + " away from " + timestamp(now);
        }
        String expected = signRequest(requestId, timestamp, target, body);
        if (!constantTimeEquals(expected, signature.trim())) {
            return "signature mismatch; expected the signature of:\n"
                    + stringToSign(receivedClientId, requestId, "Request-Timestamp", timestamp, target, body);
        }
        return null;
    }

    String signatureOf(String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            return PREFIX + Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "EmulatorSignatures[clientId=" + clientId + "]"; // never the key
    }
}
