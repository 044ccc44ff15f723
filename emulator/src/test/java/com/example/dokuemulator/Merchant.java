package com.example.dokuemulator;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A merchant calling the emulator as the gateway would: signed requests with the default credentials. */
final class Merchant {

    private static final EmulatorSignatures SIGNER = new EmulatorSignatures("MCH-EMULATOR-0001", "emulator-secret-key");

    private Merchant() {
    }

    /** Opens a payment page for {@code invoice}; answers its URL's path ({@code /pay/<session>}). */
    static String openPage(String invoice, long amount) {
        String body = """
                {"order": {"invoice_number": "%s", "amount": %d, "callback_url": "https://shop.example.com/done",
                           "failed_url": "https://shop.example.com/failed"},
                 "customer": {"id": "CUST-1", "name": "Anton", "email": "anton@example.com"}}
                """.formatted(invoice, amount);
        String url = post("/credit-card/v1/payment-page", body).statusCode(200)
                .extract().path("credit_card_payment_page.url");
        return url.substring(url.indexOf("/pay/"));
    }

    static ValidatableResponse post(String path, String body) {
        return post(path, body, Duration.ZERO);
    }

    /** Signed at real time plus {@code clockOffset}, for a test that moved the emulator's clock that far. */
    static ValidatableResponse post(String path, String body, Duration clockOffset) {
        String requestId = UUID.randomUUID().toString();
        String timestamp = EmulatorSignatures.timestamp(Instant.now().plus(clockOffset));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().contentType(ContentType.JSON)
                .header("Client-Id", "MCH-EMULATOR-0001")
                .header("Request-Id", requestId)
                .header("Request-Timestamp", timestamp)
                .header("Signature", SIGNER.signRequest(requestId, timestamp, path, bytes))
                .body(bytes)
                .post(path).then();
    }
}
