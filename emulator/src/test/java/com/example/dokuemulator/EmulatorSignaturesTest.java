package com.example.dokuemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmulatorSignaturesTest {

    private static final String CLIENT_ID = "MCH-0001-10791114622547";
    private static final String TIMESTAMP = "2020-08-11T08:45:42Z";
    private static final Instant NOW = Instant.parse(TIMESTAMP);
    private static final String STATUS_REQUEST_ID = "d895fb53-479c-4f77-a76a-ab81b40d77cb";
    private static final String STATUS_TARGET = "/orders/v1/status/INV-123123-12313";
    private static final String STATUS_SIGNATURE = "HMACSHA256=sP9QzMixTcKLZRA8G1VESViohahpBaffZvwJyfzl43k=";

    private final EmulatorSignatures signatures = new EmulatorSignatures(CLIENT_ID, "unit-test-secret-key");

    @Test
    void signsTheCheckStatusVectorWithoutADigestLine() {
        assertEquals("Client-Id:" + CLIENT_ID + "\nRequest-Id:" + STATUS_REQUEST_ID + "\nRequest-Timestamp:" + TIMESTAMP
                        + "\nRequest-Target:" + STATUS_TARGET,
                EmulatorSignatures.stringToSign(CLIENT_ID, STATUS_REQUEST_ID, "Request-Timestamp", TIMESTAMP, STATUS_TARGET, null));
        assertEquals(STATUS_SIGNATURE, signatures.signRequest(STATUS_REQUEST_ID, TIMESTAMP, STATUS_TARGET, null));
    }

    @Test
    void signsTheVirtualAccountVectorWithItsDigestLine() {
        String text = "Client-Id:" + CLIENT_ID
                + "\nRequest-Id:cc682442-6c22-493e-8121-b9ef6b3fa728"
                + "\nRequest-Timestamp:" + TIMESTAMP
                + "\nRequest-Target:/doku-virtual-account/v2/payment-code"
                + "\nDigest:5WIYK2TJg6iiZ0d5v4IXSR0EkYEkYOezJIma3Ufli5s=";
        assertEquals("HMACSHA256=tIU65SJi4/ZPvvvDLNEvv71dlebEXscSGe/H2rSmTZI=", signatures.signatureOf(text));
    }

    @Test
    void digestsTheExactBodyBytes() {
        assertEquals("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", EmulatorSignatures.digest(new byte[0]));
        assertEquals("AVq9f1zFei3ZS3WQ8ErYCEJzkF7jPsXOvq5iJ2qX+GI=",
                EmulatorSignatures.digest("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        // An empty body still has a Digest line; only a GET (null body) has none.
        assertTrue(EmulatorSignatures.stringToSign(CLIENT_ID, "id", "Request-Timestamp", TIMESTAMP, "/x", new byte[0])
                .endsWith("\nDigest:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="));
    }

    @Test
    void acceptsTheVectorAndRefusesAnyChange() {
        assertNull(refusal(CLIENT_ID, STATUS_REQUEST_ID, TIMESTAMP, STATUS_SIGNATURE, STATUS_TARGET, null));
        assertNotNull(refusal(CLIENT_ID, STATUS_REQUEST_ID, TIMESTAMP, STATUS_SIGNATURE, "/doku-emulator" + STATUS_TARGET, null));
        assertNotNull(refusal(CLIENT_ID, "another-id", TIMESTAMP, STATUS_SIGNATURE, STATUS_TARGET, null));
        assertNotNull(refusal("MCH-OTHER", STATUS_REQUEST_ID, TIMESTAMP, STATUS_SIGNATURE, STATUS_TARGET, null));
        // The same request with a body is signed differently: the Digest line counts.
        assertNotNull(refusal(CLIENT_ID, STATUS_REQUEST_ID, TIMESTAMP, STATUS_SIGNATURE, STATUS_TARGET, new byte[0]));
    }

    @Test
    void refusesATamperedBody() {
        byte[] body = "{\"order\":{\"amount\":10000}}".getBytes(StandardCharsets.UTF_8);
        String signature = signatures.signRequest("rid", TIMESTAMP, "/doku-emulator/credit-card/charge", body);
        assertNull(refusal(CLIENT_ID, "rid", TIMESTAMP, signature, "/doku-emulator/credit-card/charge", body));
        byte[] reserialized = "{\"order\": {\"amount\": 10000}}".getBytes(StandardCharsets.UTF_8);
        assertNotNull(refusal(CLIENT_ID, "rid", TIMESTAMP, signature, "/doku-emulator/credit-card/charge", reserialized));
    }

    @Test
    void refusesMissingHeadersBadTimestampsAndClockSkew() {
        assertNotNull(refusal(CLIENT_ID, STATUS_REQUEST_ID, TIMESTAMP, null, STATUS_TARGET, null));
        assertNotNull(refusal(null, STATUS_REQUEST_ID, TIMESTAMP, STATUS_SIGNATURE, STATUS_TARGET, null));
        String local = "2020-08-11T15:45:42+07:00";
        assertNotNull(refusal(CLIENT_ID, STATUS_REQUEST_ID, local,
                signatures.signRequest(STATUS_REQUEST_ID, local, STATUS_TARGET, null), STATUS_TARGET, null));
        String anHourOff = "2020-08-11T09:45:42Z"; // local time with a Z glued on, say
        assertTrue(signatures.refusal(CLIENT_ID, STATUS_REQUEST_ID, anHourOff,
                signatures.signRequest(STATUS_REQUEST_ID, anHourOff, STATUS_TARGET, null), STATUS_TARGET, null, NOW)
                .contains("away from"));
    }

    @Test
    void formatsTimestampsInUtcWholeSeconds() {
        assertEquals(TIMESTAMP, EmulatorSignatures.timestamp(Instant.parse("2020-08-11T08:45:42.987Z")));
    }

    private String refusal(String clientId, String requestId, String timestamp, String signature, String target, byte[] body) {
        return signatures.refusal(clientId, requestId, timestamp, signature, target, body, NOW);
    }
}
