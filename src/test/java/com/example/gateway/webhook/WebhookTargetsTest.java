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
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.TestPorts;
import com.example.gateway.support.WebhookReceiver;
import com.example.gateway.support.WebhookReceiver.Inbox;
import com.example.gateway.support.Webhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook targets under the test settings, where loopback is opened for the tests' own receivers: the
 * gateway's own ports stay refused all the same, a failed attempt's {@code last_error} names no address,
 * and a delivery goes to the address that was vetted. One name is scripted ({@link ScriptedHostResolver})
 * and resolvable nowhere else, so that a delivery that reaches it cannot have looked it up a second time.
 */
@QuarkusTest
@TestProfile(WebhookTargetsTest.ScriptedName.class)
class WebhookTargetsTest {

    private static final String SCRIPTED = "receiver.webhook.test";
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    public static class ScriptedName implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.webhooks.allowed-hosts", "localhost,127.0.0.1," + SCRIPTED);
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ScriptedHostResolver.class);
        }
    }

    @Inject
    ScriptedHostResolver resolver;

    @Inject
    TestDatabase db;

    @BeforeEach
    void quiet() {
        Webhooks.awaitEarlierEventsFannedOut(db);
    }

    @AfterEach
    void removeEndpoints() {
        Webhooks.deleteAll(ORDERS);
    }

    @Test
    void theGatewaysOwnPortsAreRefusedEvenWithLoopbackOpened() {
        long before = db.count("SELECT count(*) FROM webhook_endpoints");
        for (String url : new String[] {"http://localhost:" + TestPorts.management() + "/q/metrics",
                "http://127.0.0.1:" + TestPorts.management() + "/q/health",
                "http://[::1]:" + TestPorts.management() + "/q/metrics",
                "http://localhost:" + TestPorts.api() + "/v1/payments"}) {
            as(ORDERS).body("{\"url\": \"" + url + "\"}").post("/v1/webhook-endpoints").then().statusCode(422)
                    .body("code", equalTo("webhook_url_not_allowed"))
                    .body("detail", not(containsString("127.0.0.1")));
        }
        assertEquals(before, db.count("SELECT count(*) FROM webhook_endpoints"));
    }

    @Test
    void anAttemptThatGotNoAnswerNamesNoAddress() {
        int closedPort = closedPort();
        Webhooks.register(ORDERS, "http://localhost:" + closedPort + "/hooks");
        String payment = create(ORDERS, paymentPage(newInvoice(), 31000)).statusCode(201).extract().path("id");

        Map<String, Object> delivery = await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveryOf(payment), d -> d.get("last_error") != null);
        String error = (String) delivery.get("last_error");
        assertFalse(error.contains("127.0.0.1") || error.contains("localhost") || error.contains(":" + closedPort),
                "names no address: " + error);
        assertEquals(null, delivery.get("last_response_status"));
    }

    @Test
    void theDeliveryConnectsToTheVettedAddressWithTheUrlsHostHeader() throws Exception {
        resolver.answer(SCRIPTED, "127.0.0.1");
        Inbox inbox = RECEIVER.inbox();
        int port = URI.create(inbox.url()).getPort();
        Webhooks.register(ORDERS, "http://" + SCRIPTED + ":" + port + URI.create(inbox.url()).getPath());
        String payment = create(ORDERS, paymentPage(newInvoice(), 33000)).statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryOf(payment).get("status"), "delivered"::equals);
        assertEquals(SCRIPTED + ":" + port, inbox.received().get(0).header("host"));
    }

    private static Map<String, Object> deliveryOf(String paymentId) {
        return Webhooks.deliveries(ORDERS, null).stream().filter(d -> paymentId.equals(d.get("payment_id")))
                .findFirst().orElse(Map.of());
    }

    /** A loopback port nothing listens on (bound, then released). */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
