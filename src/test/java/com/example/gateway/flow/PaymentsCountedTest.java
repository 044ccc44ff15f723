package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.get;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.GatewayApi.status;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.support.Counted;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code gateway_payments_total{flow,type,status}} (the dashboards' payments by status) counts every status a
 * payment reaches once, whichever of DOKU's answer and DOKU's notification records it, and
 * {@code gateway_operations_total} each capture or refund DOKU answered once, however often its answer was applied.
 */
@QuarkusTest
@FreshEmulatorAndClock
class PaymentsCountedTest {

    @Inject
    EmulatorClient emulator;

    @Inject
    TestDatabase db;

    @Inject
    MeterRegistry meters;

    @Test
    void aPagePaidOnDokusPageIsCountedWhenItsNotificationArrives() {
        double before = succeeded("PAYMENT_PAGE", "SALE");
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 25000)).statusCode(201).extract().path("id");

        emulator.pay(invoice, MoneyMovementTest.APPROVE);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(ORDERS, id), "SUCCEEDED"::equals);
        assertEquals(before + 1, succeeded("PAYMENT_PAGE", "SALE"));
    }

    @Test
    void aChargeIsCountedOnceByItsAnswerOrByItsNotificationWhicheverComesFirst() {
        double before = succeeded("CHARGE", "MOTO");
        // The emulator sends its notification as it answers: either may record the success first.
        create(ORDERS, charge(newInvoice(), 31000, "MOTO", MoneyMovementTest.APPROVE))
                .statusCode(201).body("status", equalTo("SUCCEEDED"));
        assertEquals(before + 1, succeeded("CHARGE", "MOTO"));

        // DELAY: the emulator sends its notification at once and answers a second later, so the notification
        // records the success, and the answer then finds the payment changed since it was written (the locked path).
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.DELAY);
        String notifiedFirst = create(ORDERS, charge(newInvoice(), 32000, "MOTO", MoneyMovementTest.APPROVE))
                .statusCode(201).body("status", equalTo("SUCCEEDED")).extract().path("id");

        assertEquals(List.of("notification"), successCauses(notifiedFirst));
        assertEquals(before + 2, succeeded("CHARGE", "MOTO"));
    }

    @Test
    void aRefundIsCountedOnceWhenItsAnswerIsRecordedAgainOnThePaymentAsAnotherRefundLeftIt() {
        double refunds = operations("refund", "succeeded");
        double partly = payments("CHARGE", "SALE", "PARTIALLY_REFUNDED");
        double whole = payments("CHARGE", "SALE", "REFUNDED");
        String invoice = newInvoice();
        String id = create(ORDERS, charge(invoice, 40000, "SALE", MoneyMovementTest.APPROVE))
                .statusCode(201).body("status", equalTo("SUCCEEDED")).extract().path("id");
        emulator.settle(invoice);

        // DELAY: DOKU answers the first refund a second late. The second is written ahead and answered meanwhile,
        // so the first's answer finds the payment moved since its write-ahead, and is applied again under the lock.
        emulator.scriptFaults(EmulatorOperation.REFUND, EmulatorFault.DELAY);
        CompletableFuture<Integer> delayed = CompletableFuture.supplyAsync(() -> refund(id, 10000).extract().statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> db.count(
                "SELECT count(*) FROM payment_operations WHERE payment_id = $1", id) == 1);
        refund(id, 30000).statusCode(201);
        assertEquals(201, delayed.join());

        get(ORDERS, id).body("status", equalTo("REFUNDED")).body("refunded_amount", equalTo(40000));
        assertEquals(refunds + 2, operations("refund", "succeeded"), "each refund once");
        assertEquals(partly + 1, payments("CHARGE", "SALE", "PARTIALLY_REFUNDED"), "after the second refund's answer");
        assertEquals(whole + 1, payments("CHARGE", "SALE", "REFUNDED"), "after the first's, recorded last");
    }

    private static ValidatableResponse refund(String id, long amount) {
        return as(ORDERS).body("{\"amount\": %d}".formatted(amount)).post("/v1/payments/" + id + "/refunds").then();
    }

    private double operations(String kind, String outcome) {
        return Counted.count(meters, "gateway.operations", "kind", kind, "outcome", outcome);
    }

    private List<String> successCauses(String paymentId) {
        return db.column("SELECT cause FROM payment_events WHERE payment_id = $1 AND type = 'payment.succeeded'",
                paymentId);
    }

    private double succeeded(String flow, String type) {
        return payments(flow, type, "SUCCEEDED");
    }

    private double payments(String flow, String type, String status) {
        return Counted.count(meters, "gateway.payments", "flow", flow, "type", type, "status", status);
    }
}
