package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.SUBSCRIPTIONS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.support.GatewayApi;
import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.WebhookReceiver;
import com.example.gateway.support.Webhooks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A payment's {@code metadata}: stored on creation in both flows, returned on every representation and
 * in the events' {@code data}, searchable by exact pairs within the calling client only; every bad entry
 * listed in the 400, with nothing stored or sent to DOKU, and no card number ever taken.
 */
@QuarkusTest
class PaymentMetadataTest {

    private static final String APPROVE = "4111111111111111";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    @AfterEach
    void removeEndpoints() {
        Webhooks.deleteAll(ORDERS);
    }

    @Test
    void storedInBothFlowsAndReturnedOnEveryRepresentation() {
        String ref = "A-" + UUID.randomUUID();
        String page = create(ORDERS, withMetadata(paymentPage(newInvoice(), 25000),
                "{\"order_ref\": \"%s\", \"channel\": \"web\", \"note\": \"Ünïcode ok, 4111111111111112 is no card\"}"
                        .formatted(ref)))
                .statusCode(201)
                .body("metadata", equalTo(Map.of("order_ref", ref, "channel", "web", "note", "Ünïcode ok, 4111111111111112 is no card")))
                .extract().path("id");
        String charge = create(ORDERS, withMetadata(GatewayApi.charge(newInvoice(), 12000, "MOTO", APPROVE),
                "{\"order_ref\": \"%s\"}".formatted(ref)))
                .statusCode(201).body("status", equalTo("SUCCEEDED")).body("metadata.order_ref", equalTo(ref))
                .extract().path("id");

        as(ORDERS).get("/v1/payments/" + page).then().statusCode(200).body("metadata.channel", equalTo("web"))
                .body("metadata.order_ref", equalTo(ref));
        as(ORDERS).get("/v1/payments/" + charge).then().statusCode(200).body("metadata", equalTo(Map.of("order_ref", ref)));
        search(as(ORDERS), Map.of("order_ref", ref)).body("items.id", equalTo(List.of(charge, page)))
                .body("items[1].metadata.note", equalTo("Ünïcode ok, 4111111111111112 is no card"));
        as(ORDERS).get("/v1/payments/" + page + "/events").then().statusCode(200)
                .body("items[0].data.metadata.order_ref", equalTo(ref));
    }

    @Test
    void anEmptyObjectOrNoneMeansNoMetadata() {
        create(ORDERS, withMetadata(paymentPage(newInvoice(), 25000), "{}")).statusCode(201).body("metadata", anEmptyMap());
        String id = create(ORDERS, paymentPage(newInvoice(), 25000)).statusCode(201).body("metadata", anEmptyMap())
                .extract().path("id");
        as(ORDERS).get("/v1/payments/" + id).then().statusCode(200).body("metadata", anEmptyMap());
    }

    @Test
    void everyBadEntryIsListedAndNothingIsStoredNorSent() {
        String invoice = newInvoice();
        long rowsBefore = db.count("SELECT count(*) FROM payments");
        int dokuCallsBefore = emulator.requests().size();
        String metadata = """
                {"bad key": "x", "%s": "x", "long_value": "%s", "card": "pay with 4111 1111-1111 1111 please",
                 "wide_card": "４１１１１１１１１１１１１１１１", "number": 3, "nothing": null, "empty": "",
                 "4111111111111111": "x", "fine": "ok"}
                """.formatted("k".repeat(41), "v".repeat(501));

        String answer = create(ORDERS, withMetadata(paymentPage(invoice, 25000), metadata)).statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors.field", containsInAnyOrder("metadata.bad?key", "metadata." + "k".repeat(39) + "…",
                        "metadata.long_value", "metadata.card", "metadata.wide_card", "metadata.number",
                        "metadata.nothing", "metadata.empty", "metadata.#"))
                .extract().asString();

        assertFalse(answer.contains("4111"), "no card number is echoed: " + answer);
        assertEquals(rowsBefore, db.count("SELECT count(*) FROM payments"), "no payment row");
        assertEquals(dokuCallsBefore, emulator.requests().size(), "no DOKU call");
        assertEquals(0, db.count("SELECT count(*) FROM payments WHERE invoice_number = $1", invoice));
    }

    @Test
    void moreThanTwentyKeysAreRefusedInEitherFlow() {
        String keys = IntStream.rangeClosed(1, 21).mapToObj(i -> "\"k" + i + "\": \"v\"").collect(Collectors.joining(", ", "{", "}"));
        create(ORDERS, withMetadata(paymentPage(newInvoice(), 25000), keys)).statusCode(400)
                .body("errors.field", equalTo(List.of("metadata")));
        create(ORDERS, withMetadata(GatewayApi.charge(newInvoice(), 12000, "MOTO", APPROVE), keys)).statusCode(400)
                .body("errors.field", equalTo(List.of("metadata")));
        create(ORDERS, withMetadata(paymentPage(newInvoice(), 25000), "[\"order_ref\"]")).statusCode(400)
                .body("errors.field", equalTo(List.of("metadata")));
    }

    @Test
    void theSearchMatchesEveryPairExactlyAndOnlyTheCallersPayments() {
        String ref = "R-" + UUID.randomUUID();
        String web = createWith(ORDERS, "{\"order_ref\": \"%s\", \"channel\": \"web\"}".formatted(ref));
        String app = createWith(ORDERS, "{\"order_ref\": \"%s\", \"channel\": \"app\"}".formatted(ref));
        createWith(ORDERS, "{\"order_ref\": \"%s-2\", \"channel\": \"web\"}".formatted(ref));
        String theirs = createWith(SUBSCRIPTIONS, "{\"order_ref\": \"%s\", \"channel\": \"web\"}".formatted(ref));

        search(as(ORDERS), Map.of("order_ref", ref)).body("items.id", equalTo(List.of(app, web)));
        search(as(ORDERS), Map.of("order_ref", ref, "channel", "web")).body("items.id", equalTo(List.of(web)));
        search(as(ORDERS), Map.of("order_ref", ref.toLowerCase())).body("items", hasSize(0));
        search(as(ORDERS), Map.of("order_ref", ref, "channel", "tv")).body("items", hasSize(0));
        search(as(SUBSCRIPTIONS), Map.of("order_ref", ref)).body("items.id", equalTo(List.of(theirs)));
        search(as(SUBSCRIPTIONS), Map.of("order_ref", ref, "channel", "app")).body("items", hasSize(0));

        // With the other filters and the cursor, too.
        String cursor = search(as(ORDERS).queryParam("limit", 1).queryParam("status", "PENDING"), Map.of("order_ref", ref))
                .body("items.id", equalTo(List.of(app))).extract().path("next_cursor");
        assertNotNull(cursor);
        search(as(ORDERS).queryParam("limit", 1).queryParam("cursor", cursor), Map.of("order_ref", ref))
                .body("items.id", equalTo(List.of(web)));
    }

    @Test
    void badSearchParametersAreAllListed() {
        String answer = as(ORDERS).queryParam("metadata[bad key]", "x").queryParam("metadata[empty]", "")
                .queryParam("metadata[twice]", "a", "b").queryParam("metadata", "x")
                .queryParam("metadata[card]", "4111111111111111").queryParam("metadata[" + "k".repeat(41) + "]", "x")
                .queryParam("limit", 0)
                .get("/v1/payments").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("metadata[bad?key]", "metadata[empty]", "metadata[twice]",
                        "metadata", "metadata[card]", "metadata[" + "k".repeat(39) + "…]", "limit"))
                .extract().asString();
        assertFalse(answer.contains("4111"), "no card number is echoed: " + answer);
    }

    @Test
    void theMetadataIsInTheDeliveredEventsData() {
        Webhooks.awaitEarlierEventsFannedOut(db);
        WebhookReceiver.Inbox inbox = RECEIVER.inbox();
        // As a generated client registers when its caller names no types: every type.
        as(ORDERS).body("{\"url\": \"" + inbox.url() + "\", \"event_types\": []}").post("/v1/webhook-endpoints")
                .then().statusCode(201);
        String ref = "W-" + UUID.randomUUID();
        String id = createWith(ORDERS, "{\"order_ref\": \"%s\"}".formatted(ref));

        JsonNode event = await().atMost(Duration.ofSeconds(30)).until(() -> eventOf(inbox, id), Optional::isPresent).get();

        assertEquals("payment.pending", event.path("type").asText());
        assertEquals(ref, event.path("data").path("metadata").path("order_ref").asText());
    }

    private static Optional<JsonNode> eventOf(WebhookReceiver.Inbox inbox, String paymentId) {
        return inbox.received().stream().map(request -> json(request.bodyText()))
                .filter(event -> paymentId.equals(event.path("data").path("id").asText())).findFirst();
    }

    private static String createWith(String apiKey, String metadata) {
        return create(apiKey, withMetadata(paymentPage(newInvoice(), 25000), metadata)).statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse search(RequestSpecification request, Map<String, String> pairs) {
        pairs.forEach((key, value) -> request.queryParam("metadata[" + key + "]", value));
        return request.get("/v1/payments").then().statusCode(200);
    }

    /** The request body with a {@code metadata} member added. */
    private static String withMetadata(String body, String metadata) {
        String trimmed = body.strip();
        return trimmed.substring(0, trimmed.length() - 1) + ", \"metadata\": " + metadata + "}";
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
