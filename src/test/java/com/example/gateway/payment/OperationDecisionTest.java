package com.example.gateway.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.payment.PaymentStateMachine.OperationDecision;
import com.example.gateway.payment.PaymentStateMachine.OperationHappening;
import com.example.gateway.payment.Transition.Cause;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * (a capture's or refund's status, what happened) → (new status, events): the whole table of
 * {@link PaymentStateMachine#decide(PaymentOperation, OperationHappening)}, one row per triple. Plain JUnit, no
 * Quarkus. The result is "STATUS event" or "-" (nothing changes). An operation becoming UNKNOWN yields no
 * event of its own: the payment's {@code payment.unknown} tells it.
 */
class OperationDecisionTest {

    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");

    @ParameterizedTest(name = "{0} {1} + {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            CAPTURE | PENDING   | DONE        | SUCCEEDED capture.succeeded
            CAPTURE | PENDING   | REFUSED     | FAILED capture.failed
            CAPTURE | PENDING   | ANSWER_LOST | UNKNOWN
            CAPTURE | UNKNOWN   | DONE        | SUCCEEDED capture.succeeded
            CAPTURE | UNKNOWN   | REFUSED     | FAILED capture.failed
            CAPTURE | UNKNOWN   | ANSWER_LOST | -
            CAPTURE | SUCCEEDED | DONE        | -
            CAPTURE | SUCCEEDED | REFUSED     | -
            CAPTURE | SUCCEEDED | ANSWER_LOST | -
            CAPTURE | FAILED    | DONE        | -
            CAPTURE | FAILED    | REFUSED     | -
            CAPTURE | FAILED    | ANSWER_LOST | -
            REFUND  | PENDING   | DONE        | SUCCEEDED refund.succeeded
            REFUND  | PENDING   | REFUSED     | FAILED refund.failed
            REFUND  | PENDING   | ANSWER_LOST | UNKNOWN
            REFUND  | UNKNOWN   | DONE        | SUCCEEDED refund.succeeded
            REFUND  | UNKNOWN   | REFUSED     | FAILED refund.failed
            REFUND  | UNKNOWN   | ANSWER_LOST | -
            REFUND  | SUCCEEDED | DONE        | -
            REFUND  | SUCCEEDED | REFUSED     | -
            REFUND  | SUCCEEDED | ANSWER_LOST | -
            REFUND  | FAILED    | DONE        | -
            REFUND  | FAILED    | REFUSED     | -
            REFUND  | FAILED    | ANSWER_LOST | -
            """)
    void decides(PaymentOperation.Kind kind, PaymentOperation.Status from, OperationHappening happening, String expected) {
        PaymentOperation op = operation(kind, from);
        Optional<OperationDecision> decision = PaymentStateMachine.decide(op, happening);
        assertEquals(expected, decision.map(OperationDecisionTest::described).orElse("-"));
        assertEquals(from, op.status, "deciding changes nothing");
    }

    @Test
    void applyingADecisionMovesTheOperationStampsItAndRecordsItsEvent() {
        UnitOfWork unit = new UnitOfWork();
        PaymentOperation refund = operation(PaymentOperation.Kind.REFUND, PaymentOperation.Status.UNKNOWN);

        assertTrue(PaymentStateMachine.apply(unit, refund, OperationHappening.DONE, Cause.RECONCILIATION, NOW));
        assertEquals(PaymentOperation.Status.SUCCEEDED, refund.status);
        assertEquals(NOW, refund.updatedAt);
        assertFalse(PaymentStateMachine.apply(unit, refund, OperationHappening.REFUSED, Cause.API, NOW.plusSeconds(1)));
        assertEquals(PaymentOperation.Status.SUCCEEDED, refund.status, "a settled refund stays settled");
        assertEquals(NOW, refund.updatedAt);
        assertEquals(List.of(new UnitOfWork.Entry("pay_1", EventType.REFUND_SUCCEEDED, Cause.RECONCILIATION, NOW)),
                unit.events());
    }

    private static String described(OperationDecision d) {
        return (d.to().name() + " " + d.events().stream().map(EventType::wireName).collect(Collectors.joining(" "))).trim();
    }

    private static PaymentOperation operation(PaymentOperation.Kind kind, PaymentOperation.Status status) {
        PaymentOperation op = new PaymentOperation();
        op.id = kind == PaymentOperation.Kind.CAPTURE ? "cap_1" : "ref_1";
        op.paymentId = "pay_1";
        op.kind = kind;
        op.status = status;
        op.amount = 500;
        op.updatedAt = NOW.minusSeconds(60);
        return op;
    }
}
