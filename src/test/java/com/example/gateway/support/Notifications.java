package com.example.gateway.support;

import static io.restassured.RestAssured.given;

import com.example.gateway.doku.DokuSigner;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Sends DOKU-style notifications to the gateway from a test, signed with any key. */
public final class Notifications {

    /** The credentials of %test.doku.* in application.properties. */
    public static final DokuSigner DOKU = new DokuSigner("MCH-TEST-0001", "test-secret-key");
    public static final String TARGET = "/v1/doku/notifications";

    private Notifications() {
    }

    public static String body(String invoice, long amount, String type, String status) {
        return bodyWithAmount(invoice, Long.toString(amount), type, status);
    }

    /** A body whose {@code order.amount} is the JSON text given (a string, a fraction...), or absent when null. */
    public static String bodyWithAmount(String invoice, String amountJson, String type, String status) {
        String amount = amountJson == null ? "" : ", \"amount\": " + amountJson;
        return """
                {"order": {"invoice_number": "%s"%s},
                 "transaction": {"type": "%s", "status": "%s", "date": "%s"},
                 "card_payment": {"masked_card_number": "411111******1111", "approval_code": "123456",
                                  "response_code": "00", "response_message": "PAYMENT APPROVED"},
                 "some_new_field_doku_added": {"x": 1}}
                """.formatted(invoice, amount, type, status, Instant.now());
    }

    public static ValidatableResponse send(DokuSigner signer, String requestId, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(signer, requestId, Instant.now(), bytes, bytes);
    }

    /** Signs {@code signedBody} as of {@code signedAt} but sends {@code sentBody}: for tampering tests. */
    public static ValidatableResponse send(DokuSigner signer, String requestId, Instant signedAt, byte[] signedBody,
            byte[] sentBody) {
        String timestamp = DokuSigner.timestamp(signedAt);
        return given().header("Client-Id", signer.clientId()).header("Request-Id", requestId)
                .header("Request-Timestamp", timestamp)
                .header("Signature", signer.sign(requestId, timestamp, TARGET, signedBody))
                .contentType("application/json").body(sentBody)
                .post(TARGET).then();
    }

    public static ValidatableResponse send(String body) {
        return send(DOKU, UUID.randomUUID().toString(), body);
    }
}
