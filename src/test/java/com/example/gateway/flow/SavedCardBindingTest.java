package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.SUBSCRIPTIONS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.support.TestDatabase;
import com.example.gateway.support.ThreeDSecureFlow;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Saved cards belong to the client that saved them (issue 17): naming another client's customer id
 * reaches none of that customer's cards, and DOKU never sees a caller's raw customer id.
 */
@QuarkusTest
class SavedCardBindingTest {

    /** Every DOKU operation a token check must keep from happening (reconciliation's status checks may run). */
    private static final Set<EmulatorOperation> GUARDED = EnumSet.of(EmulatorOperation.PAYMENT_PAGE,
            EmulatorOperation.CHARGE, EmulatorOperation.LIST_TOKENS, EmulatorOperation.DELETE_TOKEN);

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    @Inject
    Pool pool;

    @Test
    void anotherClientNamingTheSameCustomerReachesNoneOfItsCards() {
        String customer = "CUST-" + UUID.randomUUID();
        String token = saveCard(SUBSCRIPTIONS, customer);
        // orders names the same customer id in a page of its own: legitimate, and its own customer.
        create(ORDERS, page(newInvoice(), customer, null)).statusCode(201);
        Map<EmulatorOperation, Long> before = guardedCalls();
        long paymentsBefore = db.count("SELECT count(*) FROM payments");

        as(ORDERS).get("/v1/customers/" + customer + "/tokens").then().statusCode(200)
                .body("items", hasSize(0));
        String charge = newInvoice();
        create(ORDERS, motoWithToken(charge, customer, token)).statusCode(404)
                .body("code", equalTo("token_not_found"));
        String page = newInvoice();
        create(ORDERS, page(page, customer, token)).statusCode(404)
                .body("code", equalTo("token_not_found"));
        as(ORDERS).delete("/v1/customers/" + customer + "/tokens/" + token).then().statusCode(404)
                .body("code", equalTo("token_not_found"));

        assertEquals(before, guardedCalls(), "no call reached DOKU");
        assertEquals(paymentsBefore, db.count("SELECT count(*) FROM payments"), "no payment row");
        assertEquals(0, db.count("SELECT count(*) FROM payments WHERE invoice_number IN ($1, $2)", charge, page));
        as(SUBSCRIPTIONS).get("/v1/customers/" + customer + "/tokens").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].token_id", equalTo(token));
    }

    @Test
    void aClientWithoutThatCustomerGetsCustomerNotFoundAndDokuIsNotAsked() {
        String customer = "CUST-" + UUID.randomUUID();
        String token = saveCard(SUBSCRIPTIONS, customer);
        Map<EmulatorOperation, Long> before = guardedCalls();

        as(ORDERS).get("/v1/customers/" + customer + "/tokens").then().statusCode(404)
                .body("code", equalTo("customer_not_found"));
        as(ORDERS).delete("/v1/customers/" + customer + "/tokens/" + token).then().statusCode(404)
                .body("code", equalTo("customer_not_found"));
        create(ORDERS, motoWithToken(newInvoice(), customer, token)).statusCode(404)
                .body("code", equalTo("token_not_found"));

        assertEquals(before, guardedCalls(), "no call reached DOKU");
        assertEquals(0, db.count("SELECT count(*) FROM doku_customers WHERE client_name = 'orders' "
                + "AND customer_id = $1", customer), "a refused token leaves no customer behind");
    }

    @Test
    void aTokenOfAnotherCustomerOfTheSameClientIsNotFound() {
        String holder = "CUST-" + UUID.randomUUID();
        String other = "CUST-" + UUID.randomUUID();
        String token = saveCard(ORDERS, holder);
        create(ORDERS, page(newInvoice(), other, null)).statusCode(201);
        long charges = emulator.requests(EmulatorOperation.CHARGE).size();

        create(ORDERS, motoWithToken(newInvoice(), other, token)).statusCode(404)
                .body("code", equalTo("token_not_found"));
        as(ORDERS).delete("/v1/customers/" + other + "/tokens/" + token).then().statusCode(404)
                .body("code", equalTo("token_not_found"));

        assertEquals(charges, emulator.requests(EmulatorOperation.CHARGE).size(), "no charge reached DOKU");
        as(ORDERS).get("/v1/customers/" + holder + "/tokens").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void dokuSeesACustomerIdOfTheClientsOwnNeverTheRawOne() {
        String customer = "CUST-" + UUID.randomUUID();
        String ordersInvoice = newInvoice();
        String subscriptionsInvoice = newInvoice();
        String ordersPayment = create(ORDERS, page(ordersInvoice, customer, null)).statusCode(201)
                .body("customer_id", equalTo(customer)).extract().path("id");
        create(SUBSCRIPTIONS, page(subscriptionsInvoice, customer, null)).statusCode(201);

        String atDokuForOrders = emulator.transaction(ordersInvoice).orElseThrow().customerId();
        String atDokuForSubscriptions = emulator.transaction(subscriptionsInvoice).orElseThrow().customerId();
        assertNotEquals(customer, atDokuForOrders);
        assertNotEquals(atDokuForOrders, atDokuForSubscriptions, "one caller-side id, two clients: two DOKU customers");
        assertTrue(atDokuForOrders.length() <= 50, "within DOKU's 50 characters: " + atDokuForOrders);
        assertTrue(atDokuForOrders.matches("[A-Za-z0-9-]+"), atDokuForOrders);

        String again = newInvoice();
        create(ORDERS, page(again, customer, null)).statusCode(201);
        assertEquals(atDokuForOrders, emulator.transaction(again).orElseThrow().customerId(), "stable per customer");
        as(ORDERS).get("/v1/payments/" + ordersPayment).then().statusCode(200).body("customer_id", equalTo(customer));
        as(ORDERS).get("/v1/payments/" + ordersPayment + "/events").then().statusCode(200)
                .body("items[0].data.customer_id", equalTo(customer));
        as(ORDERS).get("/v1/payments?customer_id=" + customer).then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void aStoredDokuCustomerIdOutlivesTheKeyThatDerivedIt() {
        String customer = "CUST-" + UUID.randomUUID();
        // Stored before this gateway started, as if derived under an earlier master key: the stored id is
        // the customer's, not today's derivation.
        String earlier = "gw1-" + UUID.randomUUID().toString().replace("-", "");
        pool.preparedQuery("INSERT INTO doku_customers (client_name, customer_id, doku_customer_id, created_at) "
                + "VALUES ($1, $2, $3, now())").execute(Tuple.of("orders", customer, earlier)).await().indefinitely();

        String invoice = newInvoice();
        create(ORDERS, page(invoice, customer, null)).statusCode(201);
        assertEquals(earlier, emulator.transaction(invoice).orElseThrow().customerId());
    }

    /**
     * A customer's DOKU id never changes once stored, so it is read once per replica: a later payment goes to
     * DOKU without the read. Shown by changing the stored row behind the gateway's back (nothing in the
     * gateway does): the next payment still carries the id it read first.
     */
    @Test
    void aKnownCustomersDokuIdIsNotReadAgain() {
        String customer = "CUST-" + UUID.randomUUID();
        String first = newInvoice();
        create(ORDERS, page(first, customer, null)).statusCode(201);
        String atDoku = emulator.transaction(first).orElseThrow().customerId();
        pool.preparedQuery("UPDATE doku_customers SET doku_customer_id = $3 WHERE client_name = $1 AND customer_id = $2")
                .execute(Tuple.of("orders", customer, "changed-behind-the-gateway")).await().indefinitely();

        String second = newInvoice();
        create(ORDERS, page(second, customer, null)).statusCode(201);
        assertEquals(atDoku, emulator.transaction(second).orElseThrow().customerId());
    }

    @Test
    void aCardSavedOnAPageIsListedPaidWithAndUnbound() {
        String customer = "CUST-" + UUID.randomUUID();
        String invoice = newInvoice();
        create(ORDERS, page(invoice, customer, "save")).statusCode(201);
        emulator.pay(invoice, MoneyMovementTest.APPROVE);
        String token = await().atMost(Duration.ofSeconds(10))
                .until(() -> as(ORDERS).get("/v1/customers/" + customer + "/tokens").then().statusCode(200)
                        .extract().<String>path("items[0].token_id"), notNullValue());

        create(ORDERS, motoWithToken(newInvoice(), customer, token)).statusCode(201)
                .body("status", equalTo("SUCCEEDED")).body("customer_id", equalTo(customer));
        as(ORDERS).delete("/v1/customers/" + customer + "/tokens/" + token).then().statusCode(204);
        as(ORDERS).get("/v1/customers/" + customer + "/tokens").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aCardDokuNoLongerKeepsIsForgottenOnUnbinding() {
        String customer = "CUST-" + UUID.randomUUID();
        String token = saveCard(ORDERS, customer);
        emulator.reset(); // DOKU forgets every token, as if it had been unbound there directly

        as(ORDERS).delete("/v1/customers/" + customer + "/tokens/" + token).then().statusCode(404)
                .body("code", equalTo("token_not_found"));
        assertEquals(1, emulator.requests(EmulatorOperation.DELETE_TOKEN).size());
        assertEquals(0, db.count("SELECT count(*) FROM saved_card_tokens WHERE token_id = $1", token));
        as(ORDERS).get("/v1/customers/" + customer + "/tokens").then().statusCode(200).body("items", hasSize(0));
        assertEquals(0, emulator.requests(EmulatorOperation.LIST_TOKENS).size(), "nothing bound: DOKU not asked");
    }

    private static String saveCard(String client, String customer) {
        String invoice = newInvoice();
        String authentication = ThreeDSecureFlow.authenticated(client, invoice, 15000, MoneyMovementTest.APPROVE);
        return create(client, """
                {"flow": "CHARGE", "invoice_number": "%s", "amount": 15000,
                 "customer": {"id": "%s", "email": "saver@example.com"},
                 "card": {"number": "%s", "expiry": "1230", "cvv": "123", "save": true},
                 "three_dsecure_authentication_id": "%s"}
                """.formatted(invoice, customer, MoneyMovementTest.APPROVE, authentication)).statusCode(201)
                .body("card.token", notNullValue()).extract().path("card.token");
    }

    /** The charge of the report: a MOTO with a saved token, no 3-D Secure, no CVV. */
    private static String motoWithToken(String invoice, String customer, String token) {
        return """
                {"flow": "CHARGE", "invoice_number": "%s", "amount": 777000, "payment_type": "MOTO",
                 "customer": {"id": "%s", "email": "attacker@example.com"}, "card": {"token": "%s"}}
                """.formatted(invoice, customer, token);
    }

    /** A payment page for the customer; {@code card} is a token to offer, "save", or null for none. */
    private static String page(String invoice, String customer, String card) {
        String cardPart = card == null ? "" : "save".equals(card) ? ", \"card\": {\"save\": true}"
                : ", \"card\": {\"token\": \"" + card + "\"}";
        return """
                {"invoice_number": "%s", "amount": 17000, "customer": {"id": "%s", "email": "saver@example.com"}%s}
                """.formatted(invoice, customer, cardPart);
    }

    private Map<EmulatorOperation, Long> guardedCalls() {
        return emulator.requests().stream().filter(r -> GUARDED.contains(r.operation()))
                .collect(Collectors.groupingBy(r -> r.operation(), Collectors.counting()));
    }
}
