package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static com.example.gateway.support.GatewayApi.status;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code gateway_payments_total{flow,type,status}} (the dashboards' payments by status) counts every status a
 * payment reaches once, whichever of DOKU's answer and DOKU's notification records it.
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

    private List<String> successCauses(String paymentId) {
        return db.column("SELECT cause FROM payment_events WHERE payment_id = $1 AND type = 'payment.succeeded'",
                paymentId);
    }

    private double succeeded(String flow, String type) {
        Counter counter = meters.find("gateway.payments").tags("flow", flow, "type", type, "status", "SUCCEEDED")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
