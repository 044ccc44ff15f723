package com.example.gateway.doku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The public test vectors from shared/doku/NOTES.md. */
class DokuSignerTest {

    private static final String CLIENT_ID = "MCH-0001-10791114622547";
    private static final String TIMESTAMP = "2020-08-11T08:45:42Z";
    private final DokuSigner signer = new DokuSigner(CLIENT_ID, "unit-test-secret-key");

    @Test
    void digestOfEmptyBody() {
        assertEquals("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", DokuSigner.digest(new byte[0]));
    }

    @Test
    void digestOfSmallJsonBody() {
        assertEquals("AVq9f1zFei3ZS3WQ8ErYCEJzkF7jPsXOvq5iJ2qX+GI=",
                DokuSigner.digest("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void stringToSignHasDigestLineWhenThereIsABody() {
        String text = signer.stringToSign("req-1", TIMESTAMP, "/x", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals("Client-Id:" + CLIENT_ID + "\nRequest-Id:req-1\nRequest-Timestamp:" + TIMESTAMP
                + "\nRequest-Target:/x\nDigest:AVq9f1zFei3ZS3WQ8ErYCEJzkF7jPsXOvq5iJ2qX+GI=", text);
    }

    @Test
    void signatureVectorWithDigest() {
        // The vector gives the digest, not the body: check the HMAC over the documented string.
        String stringToSign = "Client-Id:" + CLIENT_ID
                + "\nRequest-Id:cc682442-6c22-493e-8121-b9ef6b3fa728"
                + "\nRequest-Timestamp:" + TIMESTAMP
                + "\nRequest-Target:/doku-virtual-account/v2/payment-code"
                + "\nDigest:5WIYK2TJg6iiZ0d5v4IXSR0EkYEkYOezJIma3Ufli5s=";
        assertEquals("HMACSHA256=tIU65SJi4/ZPvvvDLNEvv71dlebEXscSGe/H2rSmTZI=", signer.signatureOf(stringToSign));
    }

    @Test
    void signatureVectorWithoutBody() {
        String signature = signer.sign("d895fb53-479c-4f77-a76a-ab81b40d77cb", TIMESTAMP,
                "/orders/v1/status/INV-123123-12313", null);
        assertEquals("HMACSHA256=sP9QzMixTcKLZRA8G1VESViohahpBaffZvwJyfzl43k=", signature);
    }

    @Test
    void verifyAcceptsOwnSignatureAndRejectsTampering() {
        byte[] body = "{\"order\":{\"amount\":1000}}".getBytes(StandardCharsets.UTF_8);
        String signature = signer.sign("req-9", TIMESTAMP, "/v1/doku/notifications", body);

        assertTrue(signer.verify(CLIENT_ID, "req-9", TIMESTAMP, "/v1/doku/notifications", body, signature));
        assertFalse(signer.verify(CLIENT_ID, "req-9", TIMESTAMP, "/v1/doku/notifications",
                "{\"order\":{\"amount\":1001}}".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(signer.verify(CLIENT_ID, "req-9", TIMESTAMP, "/other/path", body, signature));
        assertFalse(signer.verify("MCH-OTHER", "req-9", TIMESTAMP, "/v1/doku/notifications", body, signature));
        assertFalse(signer.verify(CLIENT_ID, "req-9", TIMESTAMP, "/v1/doku/notifications", body, null));
        assertFalse(new DokuSigner(CLIENT_ID, "another-key")
                .verify(CLIENT_ID, "req-9", TIMESTAMP, "/v1/doku/notifications", body, signature));
    }

    @Test
    void timestampIsUtcWholeSeconds() {
        assertEquals(TIMESTAMP, DokuSigner.timestamp(Instant.parse("2020-08-11T08:45:42.987Z")));
    }

    @Test
    void toStringDoesNotRevealTheKey() {
        assertFalse(signer.toString().contains("unit-test-secret-key"));
    }

    @Test
    void answersAreSignedWithAResponseTimestampAndVerified() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String text = signer.responseStringToSign("req-1", TIMESTAMP, "/x", body);
        assertEquals("Client-Id:" + CLIENT_ID + "\nRequest-Id:req-1\nResponse-Timestamp:" + TIMESTAMP
                + "\nRequest-Target:/x\nDigest:AVq9f1zFei3ZS3WQ8ErYCEJzkF7jPsXOvq5iJ2qX+GI=", text);
        String signature = signer.signatureOf(text);
        assertTrue(signer.verifyResponse(CLIENT_ID, "req-1", TIMESTAMP, "/x", body, signature));
        assertFalse(signer.verifyResponse(CLIENT_ID, "req-1", TIMESTAMP, "/x", body,
                signer.sign("req-1", TIMESTAMP, "/x", body)), "a request signature is not an answer signature");
        assertFalse(signer.verifyResponse(CLIENT_ID, "req-1", null, "/x", body, signature));
    }
}
