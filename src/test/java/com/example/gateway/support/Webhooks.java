package com.example.gateway.support;

import static com.example.gateway.support.GatewayApi.as;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Webhook endpoints as a client registers them, and signatures checked the way a receiver would: with
 * the Standard Webhooks reference library ({@code com.standardwebhooks:standardwebhooks}), not the
 * gateway's own code.
 */
public final class Webhooks {

    /** An endpoint as its creation answered: its id and its secret, shown only then. */
    public record Registered(String id, String secret) {
    }

    private Webhooks() {
    }

    public static Registered register(String apiKey, String url, String... eventTypes) {
        String types = eventTypes.length == 0 ? "" : ", \"event_types\": [\"" + String.join("\", \"", eventTypes) + "\"]";
        JsonPath created = as(apiKey).body("{\"url\": \"" + url + "\"" + types + "}").post("/v1/webhook-endpoints")
                .then().statusCode(201).extract().jsonPath();
        return new Registered(created.getString("id"), created.getString("secret"));
    }

    /**
     * Waits until every event written so far has been fanned out, so that an endpoint registered next
     * receives only what happens after (earlier tests may leave a burst behind, the sweep's say).
     */
    public static void awaitEarlierEventsFannedOut(TestDatabase db) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("SELECT count(*) FROM payment_events WHERE NOT fanned_out") == 0);
    }

    /** Removes every endpoint of the client, so that no other test's deliveries go on. */
    public static void deleteAll(String apiKey) {
        for (String id : as(apiKey).get("/v1/webhook-endpoints").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.id")) {
            as(apiKey).delete("/v1/webhook-endpoints/" + id).then().statusCode(204);
        }
    }

    /**
     * Whether the reference library accepts the request as signed with {@code secret} (it also checks
     * that {@code webhook-timestamp} is within five minutes of the real time).
     */
    public static boolean verifies(String secret, WebhookReceiver.Received request) {
        try {
            reference(secret).verify(new String(request.body(), StandardCharsets.UTF_8), request.headers());
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }

    /** The signatures in {@code webhook-signature}, one per signing secret. */
    public static List<String> signatures(WebhookReceiver.Received request) {
        return Arrays.asList(request.header("webhook-signature").split(" "));
    }

    /** The signature the reference library computes for this request with {@code secret} (no clock check). */
    public static String expectedSignature(String secret, WebhookReceiver.Received request) {
        try {
            return reference(secret).sign(request.webhookId(), Long.parseLong(request.header("webhook-timestamp")),
                    new String(request.body(), StandardCharsets.UTF_8));
        } catch (WebhookSigningException e) {
            throw new AssertionError(e);
        }
    }

    private static Webhook reference(String secret) {
        try {
            return new Webhook(secret);
        } catch (EmptyWebhookSecretException e) {
            throw new AssertionError("no secret", e);
        }
    }

    /** The client's deliveries with this status (any, if null), newest first. */
    public static List<Map<String, Object>> deliveries(String apiKey, String status) {
        // A null value would be sent as a bare "?status", which is an empty parameter: refused.
        String query = status == null ? "" : "&status=" + status;
        return as(apiKey).get("/v1/webhook-deliveries?limit=100" + query)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }
}
