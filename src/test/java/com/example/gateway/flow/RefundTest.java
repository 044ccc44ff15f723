package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.get;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.status;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.TransactionSnapshot;
import com.example.gateway.support.FreshEmulatorAndClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Voids and refunds: DOKU's refund type kept, never more than was captured, even under concurrency. */
@QuarkusTest
@FreshEmulatorAndClock
class RefundTest {

    @Inject
    EmulatorClient emulator;

    @Test
    void voidOfAnAuthorizationReleasesIt() {
        String id = create(ORDERS, charge(newInvoice(), 90000, "AUTHORIZE", MoneyMovementTest.APPROVE))
                .statusCode(201).extract().path("id");

        refund(id, 50000).statusCode(422).body("code", equalTo("amount_exceeds_refundable"));
        refund(id, 90000).statusCode(201)
                .body("type", equalTo("VOID")).body("status", equalTo("SUCCEEDED"));

        get(ORDERS, id).body("status", equalTo("VOIDED")).body("refunds[0].type", equalTo("VOID"));
        refund(id, 90000).statusCode(409).body("code", equalTo("invalid_payment_state"));
    }

    @Test
    void aSaleNotYetSettledIsVoidedWhole() {
        String id = sale(newInvoice(), 70000);
        refund(id, 70000).statusCode(201).body("type", equalTo("VOID"));
        assertEquals("VOIDED", status(ORDERS, id));
    }

    @Test
    void partialRefundsUpToTheCapturedAmountThenRefused() {
        String invoice = newInvoice();
        String id = sale(invoice, 100000);
        emulator.settle(invoice);

        refund(id, 30000).statusCode(201).body("type", equalTo("PARTIAL_REFUND")).body("status", equalTo("SUCCEEDED"));
        assertEquals("PARTIALLY_REFUNDED", status(ORDERS, id));
        refund(id, 30000).statusCode(201).body("type", equalTo("PARTIAL_REFUND"));
        refund(id, 40001).statusCode(422).body("code", equalTo("amount_exceeds_refundable"));
        refund(id, 40000).statusCode(201);

        get(ORDERS, id).body("status", equalTo("REFUNDED")).body("refunded_amount", equalTo(100000))
                .body("refunds.size()", equalTo(3));
        refund(id, 1).statusCode(422).body("code", equalTo("amount_exceeds_refundable"));
        assertEquals(100000, emulator.transaction(invoice).orElseThrow().refundedAmount());
    }

    @Test
    void aFullRefundAfterSettlementIsTypedFullRefund() {
        String invoice = newInvoice();
        String id = sale(invoice, 25000);
        emulator.settle(invoice);
        refund(id, 25000).statusCode(201).body("type", equalTo("FULL_REFUND"));
        assertEquals("REFUNDED", status(ORDERS, id));
    }

    @Test
    void twentyConcurrentRefundsNeverOverspend() throws Exception {
        String invoice = newInvoice();
        String id = sale(invoice, 100000);
        emulator.settle(invoice);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> refund(id, 10000).extract().statusCode(), pool));
            }
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
            assertEquals(10, statuses.stream().filter(s -> s == 201).count(), "exactly the refundable amount: " + statuses);
            assertEquals(10, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        get(ORDERS, id).body("refunded_amount", equalTo(100000)).body("status", equalTo("REFUNDED"));
        TransactionSnapshot atDoku = emulator.transaction(invoice).orElseThrow();
        assertEquals(100000, atDoku.refundedAmount());
        assertEquals(10, atDoku.refunds().size());
    }

    @Test
    void aRefundOnAnUnknownPaymentReconcilesFirst() {
        String invoice = newInvoice();
        String id = sale(invoice, 50000);
        emulator.settle(invoice);
        emulator.scriptFaults(EmulatorOperation.REFUND, EmulatorFault.ANSWER_LOST, EmulatorFault.DROP_CONNECTION,
                EmulatorFault.DROP_CONNECTION, EmulatorFault.DROP_CONNECTION);
        refund(id, 20000).statusCode(504).body("code", equalTo("doku_timeout"));
        assertEquals("UNKNOWN", status(ORDERS, id));

        refund(id, 30000).statusCode(201).body("type", equalTo("PARTIAL_REFUND"));

        get(ORDERS, id).body("status", equalTo("REFUNDED")).body("refunded_amount", equalTo(50000))
                .body("refunds[0].status", equalTo("SUCCEEDED"))
                .body("refunds[0].type", equalTo("PARTIAL_REFUND"));
        assertEquals(2, emulator.transaction(invoice).orElseThrow().refunds().size());
    }

    @Test
    void aRetriedRefundWithTheSameIdempotencyKeyRefundsOnce() {
        String invoice = newInvoice();
        String id = sale(invoice, 40000);
        emulator.settle(invoice);
        String key = "refund-" + invoice;

        String first = as(ORDERS).header("Idempotency-Key", key).body("{\"amount\": 15000}")
                .post("/v1/payments/" + id + "/refunds").then().statusCode(201).extract().path("id");
        as(ORDERS).header("Idempotency-Key", key).body("{\"amount\": 15000}")
                .post("/v1/payments/" + id + "/refunds").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(ORDERS).header("Idempotency-Key", key).body("{\"amount\": 16000}")
                .post("/v1/payments/" + id + "/refunds").then().statusCode(422)
                .body("code", equalTo("idempotency_key_reused"));

        assertEquals(1, emulator.transaction(invoice).orElseThrow().refunds().size(), "DOKU refunded once");
        get(ORDERS, id).body("refunded_amount", equalTo(15000));
    }

    private static String sale(String invoice, long amount) {
        return create(ORDERS, charge(invoice, amount, "SALE", MoneyMovementTest.APPROVE)).statusCode(201)
                .body("status", equalTo("SUCCEEDED")).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse refund(String id, long amount) {
        return as(ORDERS).body("{\"amount\": %d, \"reason\": \"customer request\"}".formatted(amount))
                .post("/v1/payments/" + id + "/refunds").then();
    }
}
