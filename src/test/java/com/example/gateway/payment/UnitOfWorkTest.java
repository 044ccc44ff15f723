package com.example.gateway.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.payment.PaymentStateMachine.Happening;
import com.example.gateway.payment.Transition.Cause;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The events of a decision travel in the unit of work its transaction hands out (plain JUnit: no Vert.x
 * context, no database). Without a unit there is no way to apply a decision, and a unit already written
 * refuses more: an event is never dropped in silence.
 */
class UnitOfWorkTest {

    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");

    @Test
    void applyingADecisionAppendsItsEventsToTheUnit() {
        UnitOfWork unit = new UnitOfWork();
        Payment payment = payment(PaymentStatus.PENDING);

        assertTrue(PaymentStateMachine.apply(unit, payment, Happening.AUTHORIZED, Cause.NOTIFICATION, NOW));
        assertTrue(PaymentStateMachine.apply(unit, payment, Happening.VOIDED, Cause.API, NOW.plusSeconds(1)));

        assertEquals(List.of(
                        new UnitOfWork.Entry("pay_1", EventType.PAYMENT_AUTHORIZED, Cause.NOTIFICATION, NOW),
                        new UnitOfWork.Entry("pay_1", EventType.PAYMENT_VOIDED, Cause.API, NOW.plusSeconds(1))),
                unit.events());
    }

    @Test
    void theEventsAreTheDecisionsEvents() {
        UnitOfWork unit = new UnitOfWork();
        Payment payment = payment(PaymentStatus.PENDING);
        List<EventType> decided = PaymentStateMachine.decide(payment, Happening.CHARGED).orElseThrow().events();

        PaymentStateMachine.apply(unit, payment, Happening.CHARGED, Cause.API, NOW);

        assertEquals(decided, unit.events().stream().map(UnitOfWork.Entry::type).toList());
    }

    @Test
    void aRefusedHappeningAppendsNothing() {
        UnitOfWork unit = new UnitOfWork();
        assertFalse(PaymentStateMachine.apply(unit, payment(PaymentStatus.REFUNDED), Happening.DECLINED, Cause.API, NOW));
        assertEquals(List.of(), unit.events());
    }

    @Test
    void aUnitAlreadyWrittenRefusesAChangeAndTheChangeDoesNotHappen() {
        UnitOfWork unit = new UnitOfWork();
        Payment payment = payment(PaymentStatus.PENDING);
        PaymentStateMachine.apply(unit, payment, Happening.AUTHORIZED, Cause.API, NOW);
        assertEquals(1, unit.close().size());

        assertThrows(IllegalStateException.class,
                () -> PaymentStateMachine.apply(unit, payment, Happening.VOIDED, Cause.API, NOW.plusSeconds(1)));
        assertEquals(PaymentStatus.AUTHORIZED, payment.status, "a change whose event cannot be kept is not made");
        assertEquals(NOW, payment.updatedAt);

        PaymentOperation refund = new PaymentOperation();
        refund.id = "ref_1";
        refund.paymentId = "pay_1";
        refund.kind = PaymentOperation.Kind.REFUND;
        refund.status = PaymentOperation.Status.PENDING;
        assertThrows(IllegalStateException.class, () -> PaymentStateMachine.move(unit, refund,
                PaymentOperation.Status.SUCCEEDED, Cause.API, NOW));
        assertEquals(PaymentOperation.Status.PENDING, refund.status);
    }

    /** The compile-time half: every way to change a status asks for the unit its event goes into. */
    @Test
    void everyWayToChangeAStatusTakesAUnit() {
        List<Method> changes = Arrays.stream(PaymentStateMachine.class.getDeclaredMethods())
                .filter(m -> !Modifier.isPrivate(m.getModifiers()) && !m.isSynthetic())
                .filter(m -> m.getName().equals("apply") || m.getName().equals("move"))
                .toList();
        assertEquals(4, changes.size(), "apply and move, of a payment and of an operation: " + changes);
        for (Method m : changes) {
            assertEquals(UnitOfWork.class, m.getParameterTypes()[0], m.toString());
        }
        for (Method m : List.of(PaymentOutcome.class.getDeclaredMethods()).stream()
                .filter(m -> m.getName().equals("apply")).toList()) {
            assertEquals(UnitOfWork.class, m.getParameterTypes()[0], m.toString());
        }
    }

    private static Payment payment(PaymentStatus status) {
        Payment p = new Payment();
        p.id = "pay_1";
        p.status = status;
        p.amount = 1000;
        p.version = 1;
        p.updatedAt = NOW.minusSeconds(60);
        return p;
    }
}
