package com.example.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** The internal API as the tests' clients call it, over real HTTP. Keys match %test.gateway.api-keys. */
public final class GatewayApi {

    public static final String ORDERS = "orders-key-0123456789abcdef";
    public static final String SUBSCRIPTIONS = "subscriptions-key-0123456789";

    private GatewayApi() {
    }

    public static RequestSpecification as(String apiKey) {
        return given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    public static String newInvoice() {
        return "INV-" + UUID.randomUUID().toString().substring(0, 18);
    }

    /** A minimal valid payment page request. */
    public static String paymentPage(String invoice, long amount) {
        return """
                {"invoice_number": "%s", "amount": %d,
                 "customer": {"id": "CUST-1", "name": "Anton Budiman", "email": "anton@example.com"},
                 "callback_url": "https://shop.example.com/done", "failed_url": "https://shop.example.com/failed"}
                """.formatted(invoice, amount);
    }

    /**
     * A direct charge of a card number as {@link #ORDERS}; a SALE or AUTHORIZE after a real 3-D Secure
     * authentication that its customer passed ({@link ThreeDSecureFlow}, run now, headlessly).
     */
    public static String charge(String invoice, long amount, String type, String cardNumber) {
        boolean authenticated = "SALE".equals(type) || "AUTHORIZE".equals(type);
        return charge(invoice, amount, type, cardNumber,
                authenticated ? ThreeDSecureFlow.authenticated(ORDERS, invoice, amount, cardNumber) : null);
    }

    /** A direct charge of a card number with the given 3-D Secure authentication id (none for MOTO). */
    public static String charge(String invoice, long amount, String type, String cardNumber, String authenticationId) {
        return """
                {"flow": "CHARGE", "invoice_number": "%s", "amount": %d, "payment_type": "%s",
                 "customer": {"id": "CUST-2", "name": "Anton Budiman", "email": "anton@example.com"},
                 "card": {"number": "%s", "expiry": "1230"%s}%s}
                """.formatted(invoice, amount, type, cardNumber, "MOTO".equals(type) ? "" : ", \"cvv\": \"123\"",
                authenticationId == null ? "" : ", \"three_dsecure_authentication_id\": \"" + authenticationId + "\"");
    }

    public static ValidatableResponse create(String apiKey, String body) {
        return as(apiKey).body(body).post("/v1/payments").then();
    }

    public static ValidatableResponse get(String apiKey, String paymentId) {
        return as(apiKey).get("/v1/payments/" + paymentId).then();
    }

    public static String status(String apiKey, String paymentId) {
        return get(apiKey, paymentId).statusCode(200).extract().path("status");
    }
}
