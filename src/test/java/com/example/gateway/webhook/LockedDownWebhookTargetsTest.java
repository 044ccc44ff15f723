package com.example.gateway.webhook;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.WebhookReceiver;
import com.example.gateway.support.WebhookReceiver.Inbox;
import com.example.gateway.support.Webhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook targets as production vets them: https required, loopback not opened, one documentation
 * range (192.0.2.0/24) opened explicitly. One name's answers are scripted ({@link ScriptedHostResolver}),
 * so that it can change its address between registration and delivery as a rebinding DNS server would.
 */
@QuarkusTest
@TestProfile(LockedDownWebhookTargetsTest.LockedDown.class)
class LockedDownWebhookTargetsTest {

    private static final String REBINDING = "rebind.webhook.test";
    private static final String OPENED_ADDRESS = "192.0.2.10";
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    public static class LockedDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.webhooks.require-https", "true",
                    "gateway.webhooks.allowed-networks", "192.0.2.0/24",
                    "gateway.webhooks.allowed-hosts", "localhost,127.0.0.1," + REBINDING);
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ScriptedHostResolver.class);
        }
    }

    @Inject
    TestDatabase db;

    @Inject
    ScriptedHostResolver resolver;

    @BeforeEach
    void resolveToTheOpenedRange() {
        resolver.answer(REBINDING, OPENED_ADDRESS);
        Webhooks.awaitEarlierEventsFannedOut(db);
    }

    @AfterEach
    void removeEndpoints() {
        Webhooks.deleteAll(ORDERS);
    }

    @Test
    void aHostThatResolvesToLoopbackIsRefusedWhenLoopbackIsNotOpened() {
        long before = db.count("SELECT count(*) FROM webhook_endpoints");
        Inbox inbox = RECEIVER.inbox();
        String url = inbox.url().replace("http://", "https://");
        as(ORDERS).body("{\"url\": \"" + url + "\"}").post("/v1/webhook-endpoints").then().statusCode(422)
                .body("code", equalTo("webhook_url_not_allowed"))
                .body("detail", equalTo("The URL's host does not resolve to an address allowed for webhooks"))
                .body("detail", not(containsString("127.0.0.1")));
        assertEquals(before, db.count("SELECT count(*) FROM webhook_endpoints"));
    }

    @Test
    void plainHttpIsRefusedWhenHttpsIsRequired() {
        long before = db.count("SELECT count(*) FROM webhook_endpoints");
        as(ORDERS).body("{\"url\": \"http://" + REBINDING + "/hooks\"}").post("/v1/webhook-endpoints").then()
                .statusCode(422).body("code", equalTo("webhook_url_not_allowed"))
                .body("detail", equalTo("The URL must be https"));
        assertEquals(before, db.count("SELECT count(*) FROM webhook_endpoints"));
        Webhooks.register(ORDERS, "https://" + REBINDING + "/hooks"); // the same host over https is allowed
    }

    @Test
    void aNameThatResolvesToAForbiddenAddressAfterRegistrationIsRefusedAtDeliveryNamingNoAddress() {
        Webhooks.register(ORDERS, "https://" + REBINDING + "/hooks");
        resolver.answer(REBINDING, "127.0.0.1");
        String payment = create(ORDERS, paymentPage(newInvoice(), 32000)).statusCode(201).extract().path("id");

        Map<String, Object> delivery = await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveryOf(payment), d -> d.get("last_error") != null);
        assertEquals("refused: address not allowed", delivery.get("last_error"));
        assertNull(delivery.get("last_response_status"));
        assertTrue((Integer) delivery.get("attempts") >= 1);
    }

    private static Map<String, Object> deliveryOf(String paymentId) {
        return Webhooks.deliveries(ORDERS, null).stream().filter(d -> paymentId.equals(d.get("payment_id")))
                .findFirst().orElse(Map.of());
    }
}
