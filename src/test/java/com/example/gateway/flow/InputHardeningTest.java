package com.example.gateway.flow;

import com.example.gateway.support.TestPorts;
import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.doku.DokuSigner;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.support.Notifications;
import com.example.gateway.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Regressions of the outside tester's findings (issue 7, item 5): each input once gave a 500 or an empty body. */
@QuarkusTest
class InputHardeningTest {

    private static final int API_PORT = TestPorts.api();
    private static final String AUTH = "Authorization: Bearer " + ORDERS;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmulatorClient emulator;

    @Inject
    Pool pool;

    @Test
    void aPathIdThatCannotBeOursIsNotFoundWithoutADatabaseError() {
        assertProblem(RawHttp.send(API_PORT, "GET", "/v1/payments/pay_%00", List.of(AUTH), null), 404,
                "payment_not_found");
        for (String path : List.of("/v1/payments/%00/capture", "/v1/payments/a%00b/refunds", "/v1/payments/pay_%00/sync")) {
            assertProblem(RawHttp.send(API_PORT, "POST", path, List.of(AUTH, "Content-Type: application/json"),
                    "{\"amount\": 1000}".getBytes(StandardCharsets.UTF_8)), 404, "payment_not_found");
        }
    }

    @Test
    void everyMalformedQueryFilterIsListed() {
        JsonNode payments = problem(RawHttp.send(API_PORT, "GET", "/v1/payments?invoice_number=A%00&customer_id=%07"
                + "&status=X%00&limit=%00&cursor=%00", List.of(AUTH), null), 400);
        assertEquals("validation_failed", payments.path("code").asText());
        assertThat(fields(payments), containsInAnyOrder("invoice_number", "customer_id", "status", "limit", "cursor"));
        JsonNode authorizations = problem(RawHttp.send(API_PORT, "GET", "/v1/authorizations"
                + "?expiring_before=%2B1000000000-01-01T00:00:00Z&limit=0&cursor="
                + cursorOf("+1000000000-01-01T00:00:00Z|pay_aaaaaaaaaaaaaaaaaaaaaaaa"), List.of(AUTH), null), 400);
        assertThat(fields(authorizations), containsInAnyOrder("expiring_before", "limit", "cursor"));
    }

    @Test
    void aCustomerOrTokenIdThatCannotExistIsNotFound() {
        assertProblem(RawHttp.send(API_PORT, "GET", "/v1/customers/CUST%00/tokens", List.of(AUTH), null), 404,
                "customer_not_found");
        assertProblem(RawHttp.send(API_PORT, "GET", "/v1/customers/" + "c".repeat(51) + "/tokens", List.of(AUTH), null),
                404, "customer_not_found");
        int dokuCalls = emulator.requests().size();
        create(ORDERS, paymentPage(newInvoice(), 10000)).statusCode(201);
        assertProblem(RawHttp.send(API_PORT, "DELETE", "/v1/customers/CUST-1/tokens/a%00b", List.of(AUTH), null), 404,
                "token_not_found");
        assertEquals(dokuCalls + 1, emulator.requests().size(), "only the payment page call reached DOKU");
    }

    @Test
    void nullArrayElementsAndControlCharactersAreFieldErrors() {
        String invoice = newInvoice();
        as(ORDERS).body("""
                {"invoice_number": "%s", "amount": 10000, "customer": {"email": "a@example.com", "name": "A\\u0000"},
                 "line_items": [null], "promos": [null], "allow_bins": [null], "allow_tenors": [3, null],
                 "descriptor": "\\ud800", "disclaimer": {"en": "x\\u009b"}}
                """.formatted(invoice)).post("/v1/payments").then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors.field", containsInAnyOrder("customer.name", "line_items[0]", "promos[0]", "allow_bins[0]",
                        "allow_tenors[1]", "descriptor", "disclaimer.en"))
                .body("errors.find { it.field == 'promos[0]' }.message", equalTo("must not be null"));
        as(ORDERS).queryParam("invoice_number", invoice).get("/v1/payments").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void aRefundReasonWithANulIsAFieldError() {
        String id = create(ORDERS, paymentPage(newInvoice(), 10000)).statusCode(201).extract().path("id");
        as(ORDERS).body("{\"amount\": 1000, \"reason\": \"oops\\u0000\"}").post("/v1/payments/" + id + "/refunds")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
    }

    @Test
    void trailingContentAndOverlongUtf8AreRefused() {
        for (String body : List.of("{\"amount\": 1} {\"b\": 2}", "{\"amount\": 1}xyz")) {
            as(ORDERS).body(body).post("/v1/payments").then().statusCode(400).body("errors[0].field", equalTo("body"));
        }
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        as(ORDERS).body(overlong).post("/v1/payments").then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void anEmptyIdempotencyKeyIsAValidationError() {
        assertProblem(RawHttp.send(API_PORT, "POST", "/v1/payments",
                List.of(AUTH, "Content-Type: application/json", "Idempotency-Key:"),
                paymentPage(newInvoice(), 10000).getBytes(StandardCharsets.UTF_8)), 400, "validation_failed");
    }

    @Test
    void syncHonoursTheIdempotencyKey() {
        String id = create(ORDERS, paymentPage(newInvoice(), 10000)).statusCode(201).extract().path("id");
        String key = "sync-" + UUID.randomUUID();
        int dokuCalls = emulator.requests().size();
        String first = as(ORDERS).header("Idempotency-Key", key).post("/v1/payments/" + id + "/sync").then()
                .statusCode(200).extract().asString();
        as(ORDERS).header("Idempotency-Key", key).post("/v1/payments/" + id + "/sync").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body(equalTo(first));
        assertEquals(dokuCalls + 1, emulator.requests().size(), "DOKU's check status asked once");
    }

    @Test
    void aSignedNotificationWithANulByteIsStoredAsReceivedAndRefused() {
        byte[] body = {'{', '"', 'o', 'r', 'd', 'e', 'r', '"', ':', '{', '"', 'x', '"', ':', '"', 0, (byte) 0xC0, '"',
            '}', '}'};
        String requestId = UUID.randomUUID().toString();
        assertProblem(signedNotification(requestId, body), 400, "invalid_notification");

        byte[] stored = pool.preparedQuery("SELECT body FROM doku_notifications WHERE doku_request_id = $1")
                .execute(Tuple.of(requestId)).await().indefinitely().iterator().next().getBuffer(0).getBytes();
        assertArrayEquals(body, stored, "stored byte for byte");
        String metrics = given().port(TestPorts.management()).get("/q/metrics").then().extract().asString();
        assertTrue(metrics.contains("result=\"invalid_notification\""), "counted in gateway.notifications");
    }

    @Test
    void aSignedNotificationThatIsNotAnObjectIsInvalidNotUnknown() {
        assertProblem(signedNotification(UUID.randomUUID().toString(), "[1, 2]".getBytes(StandardCharsets.UTF_8)),
                400, "invalid_notification");
    }

    @Test
    void anInvoiceNumberWithControlCharactersMatchesNothing() {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 10000)).statusCode(201).extract().path("id");
        String body = Notifications.body(invoice + "\\u0000", 10000, "SALE", "SUCCESS");
        Notifications.send(body).statusCode(400).body("code", equalTo("invalid_notification"));
        as(ORDERS).get("/v1/payments/" + id).then().body("status", equalTo("PENDING"));
    }

    @Test
    void notificationTextIsEscapedInTheLog() throws IOException {
        String marker = "signed" + UUID.randomUUID().toString().substring(0, 8);
        String forged = "forged" + UUID.randomUUID().toString().substring(0, 8);
        // A C1 control (NEL, a line break to some log readers) in Request-Id, as ISO-8859-1 on the wire.
        signedNotification(marker + "\u0085INFO fake entry", "{}".getBytes(StandardCharsets.UTF_8));
        RawHttp.send(API_PORT, "POST", Notifications.TARGET, List.of("Content-Type: application/json",
                "Request-Id: " + forged + "\u0085INFO fake entry", "Signature: HMACSHA256=x"),
                "{}".getBytes(StandardCharsets.UTF_8));
        String log = Files.readString(Path.of("target/test-gateway.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains(marker + "\\u0085INFO fake entry"), "escaped in the log");
        assertFalse(log.contains(marker + "\u0085"), "never raw");
        assertFalse(log.contains(forged), "an unsigned notification's headers never reach the log");
    }

    @Test
    void httpLayerRefusalsAreProblems() {
        assertProblem(RawHttp.send(API_PORT, "POST", "/v1/payments", List.of(AUTH, "Content-Length: 300000"), null),
                413, "payload_too_large");
        assertProblem(RawHttp.send(API_PORT, "GET", "/v1/payments?x=" + "u".repeat(5000), List.of(AUTH), null), 414,
                "uri_too_long");
        assertProblem(RawHttp.send(API_PORT, "GET", "/v1/payments", List.of(AUTH, "X-Pad: " + "h".repeat(20_000)), null),
                431, "headers_too_large");
        assertProblem(RawHttp.send(API_PORT, "GET", "/v1/payments/%zz", List.of(AUTH), null), 400, "bad_request");
        assertProblem(RawHttp.send(API_PORT, "GET", "/v1/payments?status=%G1", List.of(AUTH), null), 400, "bad_request");
    }

    private static RawHttp.Answer signedNotification(String requestId, byte[] body) {
        String timestamp = DokuSigner.timestamp(Instant.now());
        return RawHttp.send(API_PORT, "POST", Notifications.TARGET, List.of("Content-Type: application/json",
                "Client-Id: " + Notifications.DOKU.clientId(), "Request-Id: " + requestId,
                "Request-Timestamp: " + timestamp,
                "Signature: " + Notifications.DOKU.sign(requestId, timestamp, Notifications.TARGET, body)), body);
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String code) {
        assertEquals(code, problem(answer, status).path("code").asText());
    }

    /** The answer's problem body, after checking its status and media type. */
    private static JsonNode problem(RawHttp.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.bodyText());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static String cursorOf(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
