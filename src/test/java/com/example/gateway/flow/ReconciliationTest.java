package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.GatewayApi.status;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.payment.ReconciliationJob;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reconciliation job settles what DOKU's lost answers left UNKNOWN, on its schedule. */
@QuarkusTest
@FreshEmulatorAndClock
class ReconciliationTest {

    /**
     * As the scheduler would (on a Vert.x duplicated context, which Hibernate Reactive requires),
     * batch after batch until nothing is due: other tests' payments may be due too.
     */
    private void runJob() throws Throwable {
        while (VertxContextSupport.subscribeAndAwait(() -> job.runOnce()) > 0) {
            // next batch
        }
    }

    private static final EmulatorFault[] ALL_ANSWERS_LOST = {EmulatorFault.ANSWER_LOST, EmulatorFault.DROP_CONNECTION,
            EmulatorFault.DROP_CONNECTION, EmulatorFault.DROP_CONNECTION};

    @Inject
    EmulatorClient emulator;

    @Inject
    MutableClock clock;

    @Inject
    ReconciliationJob job;

    @Test
    void aChargeWhoseAnswerWasLostIsSettledByTheJob() throws Throwable {
        emulator.scriptFaults(EmulatorOperation.CHARGE, ALL_ANSWERS_LOST);
        // Only the job may tell: DOKU's notification of the charge is held back.
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.HOLD_NOTIFICATION);
        String invoice = newInvoice();
        String id = create(ORDERS, charge(invoice, 42000, "SALE", MoneyMovementTest.APPROVE)).statusCode(504)
                .body("code", equalTo("doku_timeout")).extract().path("payment_id");
        assertEquals("UNKNOWN", status(ORDERS, id));

        runJob();
        assertEquals("UNKNOWN", status(ORDERS, id), "not due yet: DOKU is given time first");

        clock.advance(Duration.ofMinutes(1));
        runJob();
        assertEquals("SUCCEEDED", status(ORDERS, id));
        assertEquals(1, emulator.effects(emulator.transaction(invoice).orElseThrow().originalRequestId()));
    }

    @Test
    void aChargeThatNeverReachedDokuEndsFailedAfterTheGracePeriod() throws Throwable {
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.DROP_CONNECTION, EmulatorFault.DROP_CONNECTION,
                EmulatorFault.DROP_CONNECTION, EmulatorFault.DROP_CONNECTION);
        String id = create(ORDERS, charge(newInvoice(), 43000, "SALE", MoneyMovementTest.APPROVE)).statusCode(504)
                .extract().path("payment_id");

        clock.advance(Duration.ofMinutes(2));
        runJob();
        as(ORDERS).get("/v1/payments/" + id).then().body("status", equalTo("FAILED"))
                .body("failure_code", equalTo("not_found_at_doku"));
    }

    @Test
    void aPaidPageWhoseNotificationNeverCameIsSettledByTheJob() throws Throwable {
        String invoice = newInvoice();
        String id = create(ORDERS, paymentPage(invoice, 46000)).statusCode(201).extract().path("id");
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, EmulatorFault.HOLD_NOTIFICATION);
        emulator.pay(invoice, MoneyMovementTest.APPROVE);
        assertEquals("PENDING", status(ORDERS, id), "the notification was held back");

        clock.advance(Duration.ofMinutes(31));
        runJob();

        assertEquals("SUCCEEDED", status(ORDERS, id));
        assertEquals(1, emulator.requests(EmulatorOperation.CHECK_STATUS).stream()
                .filter(r -> invoice.equals(r.invoiceNumber())).count(), "one check status for this payment");
    }

    @Test
    void aPaymentPageWhoseCreationAnswerWasLostIsFoundPending() {
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, ALL_ANSWERS_LOST);
        String id = create(ORDERS, paymentPage(newInvoice(), 44000)).statusCode(504).extract().path("payment_id");

        as(ORDERS).post("/v1/payments/" + id + "/sync").then().statusCode(200).body("status", equalTo("PENDING"));
    }
}
