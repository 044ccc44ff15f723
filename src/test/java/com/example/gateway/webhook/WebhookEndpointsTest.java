package com.example.gateway.webhook;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.SUBSCRIPTIONS;
import static com.example.gateway.support.GatewayApi.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.Webhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registering, reading, rotating and removing webhook endpoints, and what is refused. */
@QuarkusTest
class WebhookEndpointsTest {

    private static final String URL = "http://localhost:9/hooks/orders";

    @Inject
    TestDatabase db;

    @AfterEach
    void removeEndpoints() {
        Webhooks.deleteAll(ORDERS);
        Webhooks.deleteAll(SUBSCRIPTIONS);
    }

    @Test
    void theSecretIsShownAtCreationOnlyAndIsAStandardWebhooksSecret() {
        JsonPath created = as(ORDERS).body("{\"url\": \"" + URL + "\", \"event_types\": [\"payment.succeeded\", \"refund.failed\"]}")
                .post("/v1/webhook-endpoints").then().statusCode(201)
                .body("id", matchesPattern("we_[0-9a-z]{24}"))
                .body("url", equalTo(URL))
                .body("event_types", containsInAnyOrder("payment.succeeded", "refund.failed"))
                .body("status", equalTo("enabled"))
                .body("previous_secret_expires_at", nullValue())
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]+=*"))
                .extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");
        int keyBytes = Base64.getDecoder().decode(secret.substring("whsec_".length())).length;
        assertTrue(keyBytes >= 24 && keyBytes <= 64, "24 to 64 random bytes: " + keyBytes);

        as(ORDERS).get("/v1/webhook-endpoints/" + id).then().statusCode(200).body("$", not(hasKey("secret")));
        as(ORDERS).get("/v1/webhook-endpoints").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items[0]", not(hasKey("secret")));
        assertFalse(String.join("\n", db.allText()).contains(secret.substring("whsec_".length())),
                "the secret is stored only encrypted");
    }

    @Test
    void withoutEventTypesEveryTypeIsSent() {
        as(ORDERS).body("{\"url\": \"" + URL + "\"}").post("/v1/webhook-endpoints").then().statusCode(201)
                .body("event_types", hasSize(13));
    }

    @Test
    void anEmptyListOfEventTypesMeansEveryTypeAsWhenLeftOut() {
        // A client generated from the OpenAPI document sends [] when its caller named no types (issue 18).
        String id = as(ORDERS).body("{\"url\": \"" + URL + "\", \"event_types\": []}").post("/v1/webhook-endpoints")
                .then().statusCode(201).body("event_types", hasSize(13)).extract().path("id");
        as(ORDERS).get("/v1/webhook-endpoints/" + id).then().statusCode(200).body("event_types", hasSize(13));
    }

    @Test
    void aClientMayHaveSeveralEndpointsAndNeverSeesAnothersOne() {
        String first = Webhooks.register(ORDERS, URL).id();
        String second = Webhooks.register(ORDERS, URL + "/second").id();
        as(ORDERS).get("/v1/webhook-endpoints").then().body("items.id", containsInAnyOrder(first, second));

        as(SUBSCRIPTIONS).get("/v1/webhook-endpoints").then().statusCode(200).body("items", hasSize(0));
        as(SUBSCRIPTIONS).get("/v1/webhook-endpoints/" + first).then().statusCode(404)
                .body("code", equalTo("webhook_endpoint_not_found"));
        as(SUBSCRIPTIONS).delete("/v1/webhook-endpoints/" + first).then().statusCode(404);
        as(SUBSCRIPTIONS).post("/v1/webhook-endpoints/" + first + "/rotate-secret").then().statusCode(404);

        as(ORDERS).delete("/v1/webhook-endpoints/" + first).then().statusCode(204);
        as(ORDERS).get("/v1/webhook-endpoints/" + first).then().statusCode(404).body("code", equalTo("webhook_endpoint_not_found"));
        as(ORDERS).get("/v1/webhook-endpoints/we_nonsense").then().statusCode(404).body("code", equalTo("webhook_endpoint_not_found"));
        as(ORDERS).post("/v1/webhook-deliveries/whd_000000000000000000000000/retry").then().statusCode(404)
                .body("code", equalTo("webhook_delivery_not_found"));
    }

    @Test
    void everyBadFieldIsListedAndNothingIsStored() {
        long before = db.count("SELECT count(*) FROM webhook_endpoints");
        as(ORDERS).body("{\"url\": \"ftp://localhost/x\", \"event_types\": [\"payment.succeeded\", \"payment.teleported\", 3], "
                        + "\"colour\": \"red\"}")
                .post("/v1/webhook-endpoints").then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors.field", containsInAnyOrder("url", "event_types[1]", "event_types[2]", "colour"));
        as(ORDERS).body("{\"event_types\": []}").post("/v1/webhook-endpoints").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("url"));
        for (String url : new String[] {"localhost/relative", "https://user:pass@localhost/x", "https://localhost/x#frag",
                "http://", "https://localhost/" + "a".repeat(2100)}) {
            as(ORDERS).body("{\"url\": \"" + url + "\"}").post("/v1/webhook-endpoints").then().statusCode(400)
                    .body("errors[0].field", equalTo("url"));
        }
        as(ORDERS).queryParam("status", "lost").queryParam("limit", 0).get("/v1/webhook-deliveries").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("status", "limit"));
        assertEquals(before, db.count("SELECT count(*) FROM webhook_endpoints"));
    }

    @Test
    void aHostOutsideTheAllowListIsRefusedWith422() {
        for (String url : new String[] {"https://example.com/hooks", "http://169.254.169.254/latest/meta-data",
                "http://localhost.evil.example/x", "http://10.0.0.1:9000/q/metrics"}) {
            as(ORDERS).body("{\"url\": \"" + url + "\"}").post("/v1/webhook-endpoints").then().statusCode(422)
                    .body("code", equalTo("webhook_url_not_allowed"));
        }
        assertEquals(0, db.count("SELECT count(*) FROM webhook_endpoints WHERE url LIKE '%example%' OR url LIKE '%169.254%'"));
    }

    @Test
    void aRotationShowsTheNewSecretAndWhenThePreviousStopsSigning() {
        Webhooks.Registered endpoint = Webhooks.register(ORDERS, URL);
        as(ORDERS).post("/v1/webhook-endpoints/" + endpoint.id() + "/rotate-secret").then().statusCode(200)
                .body("secret", not(equalTo(endpoint.secret())))
                .body("previous_secret_expires_at", notNullValue());
        as(ORDERS).get("/v1/webhook-endpoints/" + endpoint.id()).then().body("previous_secret_expires_at", notNullValue())
                .body("$", not(hasKey("secret")));
    }

    @Test
    void aCreationRetriedWithItsIdempotencyKeyAnswersTheSameSecretWhichIsStoredSealed() {
        String body = "{\"url\": \"" + URL + "\"}";
        JsonPath first = as(ORDERS).header("Idempotency-Key", "we-create-1").body(body).post("/v1/webhook-endpoints")
                .then().statusCode(201).extract().jsonPath();
        as(ORDERS).header("Idempotency-Key", "we-create-1").body(body).post("/v1/webhook-endpoints").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.getString("id"))).body("secret", equalTo(first.getString("secret")));
        assertEquals(1, db.count("SELECT count(*) FROM webhook_endpoints WHERE url = $1", URL));
        String secretKey = first.getString("secret").substring("whsec_".length());
        assertFalse(String.join("\n", db.allText()).contains(secretKey), "nor in the stored idempotent answer");
    }
}
