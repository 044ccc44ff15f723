package com.example.gateway.payment;

import static com.example.gateway.payment.PaymentStatus.AUTHORIZED;
import static com.example.gateway.payment.PaymentStatus.EXPIRED;
import static com.example.gateway.payment.PaymentStatus.FAILED;
import static com.example.gateway.payment.PaymentStatus.PARTIALLY_REFUNDED;
import static com.example.gateway.payment.PaymentStatus.PENDING;
import static com.example.gateway.payment.PaymentStatus.REFUNDED;
import static com.example.gateway.payment.PaymentStatus.REQUIRES_AUTHENTICATION;
import static com.example.gateway.payment.PaymentStatus.SUCCEEDED;
import static com.example.gateway.payment.PaymentStatus.UNKNOWN;
import static com.example.gateway.payment.PaymentStatus.VOIDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.payment.PaymentStateMachine.Edge;
import com.example.gateway.payment.Transition.Cause;
import com.example.gateway.payment.Transition.Subject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PaymentStateMachineTest {

    private static final Instant BEFORE = Instant.parse("2026-11-22T03:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");

    /** How far a payment has come; final statuses are the furthest. UNKNOWN is not on this line. */
    private static final Map<PaymentStatus, Integer> PROGRESS = Map.of(
            REQUIRES_AUTHENTICATION, -1, PENDING, 0, FAILED, 1, AUTHORIZED, 2, SUCCEEDED, 3, PARTIALLY_REFUNDED, 4,
            EXPIRED, 5, VOIDED, 5, REFUNDED, 5);

    @Test
    void everyPairOfPaymentStatusesIsAllowedOrRefusedAsTheTableSays() {
        walk(PaymentStatus.values(), PaymentStateMachine.PAYMENT, PaymentStateMachineTest::payment,
                (payment, to) -> PaymentStateMachine.move(new UnitOfWork(), payment, to, Cause.NOTIFICATION, NOW),
                payment -> new Moved(payment.status, payment.updatedAt),
                new Transition(Subject.PAYMENT, "pay_1", "pay_1", null, null, Cause.NOTIFICATION, NOW));
    }

    @Test
    void everyPairOfOperationStatusesIsAllowedOrRefusedAsTheTableSays() {
        walk(PaymentOperation.Status.values(), PaymentStateMachine.OPERATION, PaymentStateMachineTest::refund,
                (op, to) -> PaymentStateMachine.move(new UnitOfWork(), op, to, Cause.RECONCILIATION, NOW),
                op -> new Moved(op.status, op.updatedAt),
                new Transition(Subject.REFUND, "ref_1", "pay_1", null, null, Cause.RECONCILIATION, NOW));
    }

    /** A subject's status and when it last changed. */
    private record Moved(Enum<?> status, Instant at) {
    }

    /** Tries every (from, to) pair on a fresh subject: it moves, with {@code expected}'s other fields, iff the table says so. */
    private static <S extends Enum<S>, T> void walk(S[] statuses, List<Edge<S, T>> table, Function<S, T> subjectIn,
            BiFunction<T, S, Optional<Transition>> move, Function<T, Moved> state, Transition expected) {
        for (S from : statuses) {
            for (S to : statuses) {
                T subject = subjectIn.apply(from);
                Optional<Transition> moved = move.apply(subject, to);

                String pair = from + " -> " + to;
                assertEquals(inTable(table, from, to), moved.isPresent(), pair);
                assertEquals(moved.isPresent() ? new Moved(to, NOW) : new Moved(from, BEFORE), state.apply(subject), pair);
                moved.ifPresent(t -> assertEquals(new Transition(expected.subject(), expected.id(), expected.paymentId(),
                        from, to, expected.cause(), expected.at()), t, pair));
            }
        }
    }

    @Test
    void everyEdgeIsDeclaredOnceWithAReason() {
        assertEdgesDocumented(PaymentStateMachine.PAYMENT);
        assertEdgesDocumented(PaymentStateMachine.OPERATION);
    }

    @Test
    void finalStatusesHaveNoWayOut() {
        for (PaymentStatus done : List.of(EXPIRED, VOIDED, REFUNDED)) {
            assertTrue(PaymentStateMachine.PAYMENT.stream().noneMatch(e -> e.from() == done), done.name());
        }
        for (PaymentOperation.Status done : List.of(PaymentOperation.Status.SUCCEEDED, PaymentOperation.Status.FAILED)) {
            assertTrue(PaymentStateMachine.OPERATION.stream().noneMatch(e -> e.from() == done), done.name());
        }
    }

    @Test
    void aStatusNeverMovesBackwards() {
        for (Edge<PaymentStatus, Payment> e : PaymentStateMachine.PAYMENT) {
            if (e.from() != UNKNOWN && e.to() != UNKNOWN) {
                assertTrue(PROGRESS.get(e.to()) > PROGRESS.get(e.from()), e.from() + " -> " + e.to());
            }
        }
        assertTrue(PaymentStateMachine.OPERATION.stream().noneMatch(e -> e.to() == PaymentOperation.Status.PENDING));
        assertRefused(SUCCEEDED, PENDING);
        assertRefused(SUCCEEDED, FAILED);
        assertRefused(SUCCEEDED, AUTHORIZED);
        assertRefused(REFUNDED, PARTIALLY_REFUNDED);
        assertRefused(EXPIRED, SUCCEEDED);
        assertRefused(VOIDED, AUTHORIZED);
    }

    @Test
    void aStatusNeverMovesBackwardsThroughUnknown() {
        Payment authorized = payment(UNKNOWN);
        authorized.authorizedAmount = 100;
        Payment captured = payment(UNKNOWN);
        captured.capturedAmount = 100;
        for (Payment moneyMoved : List.of(authorized, captured)) {
            for (PaymentStatus back : List.of(PENDING, FAILED)) {
                assertTrue(PaymentStateMachine.move(new UnitOfWork(), moneyMoved, back, Cause.RECONCILIATION, NOW).isEmpty(), back.name());
                assertEquals(UNKNOWN, moneyMoved.status);
            }
        }
    }

    @Test
    void moneyMovesForward() {
        assertAllowed(PENDING, AUTHORIZED);
        assertAllowed(AUTHORIZED, SUCCEEDED);
        assertAllowed(AUTHORIZED, EXPIRED);
        assertAllowed(AUTHORIZED, VOIDED);
        assertAllowed(SUCCEEDED, PARTIALLY_REFUNDED);
        assertAllowed(PARTIALLY_REFUNDED, REFUNDED);
        assertAllowed(FAILED, SUCCEEDED); // a retry on the page that succeeds
    }

    @Test
    void unknownSettlesIntoWhatDokuReports() {
        for (PaymentStatus settled : List.of(PENDING, AUTHORIZED, SUCCEEDED, FAILED, VOIDED, PARTIALLY_REFUNDED, REFUNDED)) {
            assertAllowed(UNKNOWN, settled);
        }
    }

    private static <S extends Enum<S>, T> boolean inTable(List<Edge<S, T>> table, S from, S to) {
        return table.stream().anyMatch(e -> e.from() == from && e.to() == to);
    }

    private static <S extends Enum<S>, T> void assertEdgesDocumented(List<Edge<S, T>> table) {
        Set<List<S>> seen = new HashSet<>();
        for (Edge<S, T> e : table) {
            assertTrue(seen.add(List.of(e.from(), e.to())), "declared twice: " + e.from() + " -> " + e.to());
            assertFalse(e.reason().isBlank(), e.from() + " -> " + e.to());
            assertFalse(e.from() == e.to(), "a move to the same status: " + e.from());
        }
    }

    private static void assertAllowed(PaymentStatus from, PaymentStatus to) {
        assertTrue(PaymentStateMachine.move(new UnitOfWork(), payment(from), to, Cause.API, NOW).isPresent(), from + " -> " + to);
    }

    private static void assertRefused(PaymentStatus from, PaymentStatus to) {
        assertTrue(PaymentStateMachine.move(new UnitOfWork(), payment(from), to, Cause.API, NOW).isEmpty(), from + " -> " + to);
    }

    private static Payment payment(PaymentStatus status) {
        Payment payment = new Payment();
        payment.id = "pay_1";
        payment.status = status;
        payment.updatedAt = BEFORE;
        return payment;
    }

    private static PaymentOperation refund(PaymentOperation.Status status) {
        PaymentOperation op = new PaymentOperation();
        op.id = "ref_1";
        op.paymentId = "pay_1";
        op.kind = PaymentOperation.Kind.REFUND;
        op.status = status;
        op.updatedAt = BEFORE;
        return op;
    }
}
