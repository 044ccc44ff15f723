package com.example.gateway.webhook;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.support.Webhooks;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The development inbox receives the events of a client it registered for and checks their signatures. */
@QuarkusTest
class DevWebhookInboxTest {

    @AfterEach
    void removeEndpoints() {
        Webhooks.deleteAll(ORDERS);
    }

    @Test
    void registeredForAClientItShowsItsEventsWithTheirSignatureCheck() {
        given().formParam("client", "orders").redirects().follow(false).post("/dev/webhook-inbox/register")
                .then().statusCode(303);
        String id = create(ORDERS, paymentPage(newInvoice(), 17000)).statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).until(() -> page().contains(id));
        String page = page();
        assertTrue(page.contains("signature: <span class=\"valid\">valid</span>"), page);
        assertTrue(page.contains("&quot;type&quot;:&quot;payment.pending&quot;"), "the body, escaped");
    }

    @Test
    void aForgedRequestIsShownInvalidAndEscaped() {
        given().formParam("client", "orders").redirects().follow(false).post("/dev/webhook-inbox/register").then().statusCode(303);
        given().header("webhook-id", "evt_<script>").header("webhook-timestamp", "1700000000")
                .header("webhook-signature", "v1,Zm9yZ2Vk").body("{\"x\":\"<b>\"}")
                .post("/dev/webhook-inbox/receive").then().statusCode(204);
        String page = page();
        assertTrue(page.contains("evt_&lt;script&gt;") && !page.contains("<script>"), "escaped");
        assertTrue(page.contains("invalid: no secret of this inbox"), page);
    }

    private static String page() {
        return given().get("/dev/webhook-inbox").then().statusCode(200).extract().asString();
    }
}
