package com.example.gateway.security;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.SUBSCRIPTIONS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.GatewayApi.status;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.gateway.doku.DokuSigner;
import com.example.gateway.support.Notifications;
import com.example.gateway.support.RawHttp;
import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.TestPorts;
import com.example.gateway.support.Webhooks;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, "one secret, three jobs", done as an attacker with read access to the database would: a
 * client sends chosen bytes as a request body under an Idempotency-Key, then reads the fingerprint the
 * gateway stored for it. No stored fingerprint may work as a DOKU signature or as the secret box's key.
 */
@QuarkusTest
class KeyMisuseTest {

    @Inject
    TestDatabase db;

    @Test
    void aStoredFingerprintDoesNotForgeADokuNotification() {
        String invoice = newInvoice();
        String paymentId = create(ORDERS, paymentPage(invoice, 150_000)).statusCode(201).extract().path("id");
        assertEquals("PENDING", status(ORDERS, paymentId));

        // The notification the attacker wants accepted, and DOKU's string-to-sign for it.
        String requestId = UUID.randomUUID().toString();
        String timestamp = DokuSigner.timestamp(Instant.now());
        byte[] notification = Notifications.body(invoice, 150_000, "SALE", "SUCCESS").getBytes(StandardCharsets.UTF_8);
        String stringToSign = Notifications.DOKU.stringToSign(requestId, timestamp, Notifications.TARGET, notification);

        String fingerprint = fingerprintStoredFor(ORDERS, "/v1/payments/" + paymentId + "/sync", stringToSign);
        String forged = DokuSigner.SIGNATURE_PREFIX
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(fingerprint));

        given().header("Client-Id", Notifications.DOKU.clientId()).header("Request-Id", requestId)
                .header("Request-Timestamp", timestamp).header("Signature", forged)
                .contentType("application/json").body(notification)
                .post(Notifications.TARGET).then().statusCode(401);
        assertEquals("PENDING", status(ORDERS, paymentId), "a forged notification moved the payment");
    }

    @Test
    void aStoredFingerprintDoesNotOpenAnotherClientsWebhookSecret() throws Exception {
        Webhooks.Registered endpoint = Webhooks.register(ORDERS, "http://localhost:1/key-misuse-" + UUID.randomUUID());
        String sealed = db.column("SELECT secret FROM webhook_endpoints WHERE id = $1", endpoint.id()).get(0);
        try {
            // The secret box's key was HMAC(fingerprint key, this label): the fingerprint of the label as a body.
            String paymentId = create(SUBSCRIPTIONS, paymentPage(newInvoice(), 10_000)).statusCode(201).extract().path("id");
            byte[] candidateKey = HexFormat.of().parseHex(fingerprintStoredFor(SUBSCRIPTIONS,
                    "/v1/payments/" + paymentId + "/sync", "doku-card-gateway secret box v1"));

            assertThrows(GeneralSecurityException.class, () -> open(sealed, candidateKey, "webhook-endpoint:" + endpoint.id()),
                    "another client's webhook signing secret was decrypted from the database alone");
        } finally {
            Webhooks.deleteAll(ORDERS);
        }
    }

    /**
     * Sends {@code body} under a fresh Idempotency-Key, then reads what the gateway stored for it. Raw
     * HTTP: the contract documents no body here, and an attacker does not follow the contract.
     */
    private String fingerprintStoredFor(String apiKey, String path, String body) {
        String key = "key-misuse-" + UUID.randomUUID();
        RawHttp.send(TestPorts.api(), "POST", path, List.of("Authorization: Bearer " + apiKey,
                "Idempotency-Key: " + key, "Content-Type: application/json"), body.getBytes(StandardCharsets.UTF_8));
        List<String> stored = db.column("SELECT request_hash FROM idempotency_keys WHERE idempotency_key = $1", key);
        assertEquals(1, stored.size(), "the attack needs the request to be kept under its key");
        return stored.get(0);
    }

    /** AES-256-GCM as the secret box seals: nonce then ciphertext, base64, after its prefix. */
    private static byte[] open(String sealed, byte[] key, String context) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, Arrays.copyOf(all, 12)));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(Arrays.copyOfRange(all, 12, all.length));
    }
}
