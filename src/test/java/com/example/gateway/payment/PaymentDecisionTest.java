package com.example.gateway.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.payment.PaymentStateMachine.Decision;
import com.example.gateway.payment.PaymentStateMachine.Happening;
import com.example.gateway.payment.Transition.Cause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * (current state, what happened) → (new status, events), Kill Bill style: the whole decision table of
 * {@link PaymentStateMachine#decide}, one row per pair. Plain JUnit, no Quarkus.
 * Amounts are "authorized/captured/refunded"; the result is "STATUS event" or "-" (nothing changes).
 */
class PaymentDecisionTest {

    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");

    @ParameterizedTest(name = "{0} ({1}) + {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            PENDING                 | 0/0/0       | STILL_PAYING           | -
            PENDING                 | 0/0/0       | AUTHORIZED             | AUTHORIZED payment.authorized
            PENDING                 | 0/0/0       | CHARGED                | SUCCEEDED payment.succeeded
            PENDING                 | 0/0/0       | DECLINED               | FAILED payment.failed
            PENDING                 | 0/0/0       | AUTHORIZATION_RELEASED | -
            PENDING                 | 0/0/0       | ANSWER_LOST            | UNKNOWN payment.unknown
            PENDING                 | 0/0/0       | VOIDED                 | -
            REQUIRES_AUTHENTICATION | 0/0/0       | STILL_PAYING           | PENDING payment.pending
            REQUIRES_AUTHENTICATION | 0/0/0       | AUTHORIZED             | -
            REQUIRES_AUTHENTICATION | 0/0/0       | CHARGED                | -
            REQUIRES_AUTHENTICATION | 0/0/0       | DECLINED               | FAILED payment.failed
            REQUIRES_AUTHENTICATION | 0/0/0       | AUTHORIZATION_RELEASED | -
            REQUIRES_AUTHENTICATION | 0/0/0       | ANSWER_LOST            | -
            REQUIRES_AUTHENTICATION | 0/0/0       | VOIDED                 | -
            FAILED                  | 0/0/0       | STILL_PAYING           | -
            FAILED                  | 0/0/0       | AUTHORIZED             | AUTHORIZED payment.authorized
            FAILED                  | 0/0/0       | CHARGED                | SUCCEEDED payment.succeeded
            FAILED                  | 0/0/0       | DECLINED               | -
            FAILED                  | 0/0/0       | AUTHORIZATION_RELEASED | -
            FAILED                  | 0/0/0       | ANSWER_LOST            | -
            FAILED                  | 0/0/0       | VOIDED                 | -
            AUTHORIZED              | 1000/0/0    | STILL_PAYING           | -
            AUTHORIZED              | 1000/0/0    | AUTHORIZED             | -
            AUTHORIZED              | 1000/0/0    | CHARGED                | SUCCEEDED payment.succeeded
            AUTHORIZED              | 1000/0/0    | DECLINED               | -
            AUTHORIZED              | 1000/0/0    | AUTHORIZATION_RELEASED | EXPIRED authorization.expired
            AUTHORIZED              | 1000/0/0    | ANSWER_LOST            | UNKNOWN payment.unknown
            AUTHORIZED              | 1000/0/0    | VOIDED                 | VOIDED payment.voided
            SUCCEEDED               | 0/1000/0    | STILL_PAYING           | -
            SUCCEEDED               | 0/1000/0    | AUTHORIZED             | -
            SUCCEEDED               | 0/1000/0    | CHARGED                | -
            SUCCEEDED               | 0/1000/0    | DECLINED               | -
            SUCCEEDED               | 0/1000/0    | AUTHORIZATION_RELEASED | -
            SUCCEEDED               | 0/1000/0    | ANSWER_LOST            | UNKNOWN payment.unknown
            SUCCEEDED               | 0/1000/0    | VOIDED                 | VOIDED payment.voided
            PARTIALLY_REFUNDED      | 0/1000/400  | STILL_PAYING           | -
            PARTIALLY_REFUNDED      | 0/1000/400  | AUTHORIZED             | -
            PARTIALLY_REFUNDED      | 0/1000/400  | CHARGED                | -
            PARTIALLY_REFUNDED      | 0/1000/400  | DECLINED               | -
            PARTIALLY_REFUNDED      | 0/1000/400  | AUTHORIZATION_RELEASED | -
            PARTIALLY_REFUNDED      | 0/1000/400  | ANSWER_LOST            | UNKNOWN payment.unknown
            PARTIALLY_REFUNDED      | 0/1000/400  | VOIDED                 | -
            UNKNOWN                 | 0/0/0       | STILL_PAYING           | PENDING payment.reconciled
            UNKNOWN                 | 0/0/0       | AUTHORIZED             | AUTHORIZED payment.reconciled
            UNKNOWN                 | 0/0/0       | CHARGED                | SUCCEEDED payment.reconciled
            UNKNOWN                 | 0/0/0       | DECLINED               | FAILED payment.reconciled
            UNKNOWN                 | 0/0/0       | AUTHORIZATION_RELEASED | -
            UNKNOWN                 | 0/0/0       | ANSWER_LOST            | -
            UNKNOWN                 | 0/0/0       | VOIDED                 | VOIDED payment.reconciled
            UNKNOWN                 | 1000/0/0    | STILL_PAYING           | -
            UNKNOWN                 | 1000/0/0    | AUTHORIZED             | AUTHORIZED payment.reconciled
            UNKNOWN                 | 1000/0/0    | CHARGED                | SUCCEEDED payment.reconciled
            UNKNOWN                 | 1000/0/0    | DECLINED               | -
            UNKNOWN                 | 1000/0/0    | AUTHORIZATION_RELEASED | -
            UNKNOWN                 | 1000/0/0    | ANSWER_LOST            | -
            UNKNOWN                 | 1000/0/0    | VOIDED                 | VOIDED payment.reconciled
            REFUNDED                | 0/1000/1000 | STILL_PAYING           | -
            REFUNDED                | 0/1000/1000 | AUTHORIZED             | -
            REFUNDED                | 0/1000/1000 | CHARGED                | -
            REFUNDED                | 0/1000/1000 | DECLINED               | -
            REFUNDED                | 0/1000/1000 | AUTHORIZATION_RELEASED | -
            REFUNDED                | 0/1000/1000 | ANSWER_LOST            | -
            REFUNDED                | 0/1000/1000 | VOIDED                 | -
            PENDING                 | 0/0/0       | AMOUNTS_SETTLED        | -
            REQUIRES_AUTHENTICATION | 0/0/0       | AMOUNTS_SETTLED        | -
            FAILED                  | 0/0/0       | AMOUNTS_SETTLED        | -
            REFUNDED                | 0/1000/1000 | AMOUNTS_SETTLED        | -
            AUTHORIZED              | 1000/600/0  | AMOUNTS_SETTLED        | SUCCEEDED payment.succeeded
            AUTHORIZED              | 1000/0/0    | AMOUNTS_SETTLED        | -
            SUCCEEDED               | 0/1000/400  | AMOUNTS_SETTLED        | PARTIALLY_REFUNDED
            SUCCEEDED               | 0/1000/1000 | AMOUNTS_SETTLED        | REFUNDED
            PARTIALLY_REFUNDED      | 0/1000/1000 | AMOUNTS_SETTLED        | REFUNDED
            PARTIALLY_REFUNDED      | 0/1000/700  | AMOUNTS_SETTLED        | -
            UNKNOWN                 | 1000/0/0    | AMOUNTS_SETTLED        | AUTHORIZED payment.reconciled
            UNKNOWN                 | 1000/1000/0 | AMOUNTS_SETTLED        | SUCCEEDED payment.reconciled
            UNKNOWN                 | 0/1000/1000 | AMOUNTS_SETTLED        | REFUNDED payment.reconciled
            UNKNOWN                 | 0/1000/300  | AMOUNTS_SETTLED        | PARTIALLY_REFUNDED payment.reconciled
            EXPIRED                 | 1000/0/0    | STILL_PAYING           | -
            EXPIRED                 | 1000/0/0    | AUTHORIZED             | -
            EXPIRED                 | 1000/0/0    | CHARGED                | -
            EXPIRED                 | 1000/0/0    | DECLINED               | -
            EXPIRED                 | 1000/0/0    | AUTHORIZATION_RELEASED | -
            EXPIRED                 | 1000/0/0    | ANSWER_LOST            | -
            EXPIRED                 | 1000/0/0    | VOIDED                 | -
            EXPIRED                 | 1000/0/0    | AMOUNTS_SETTLED        | -
            VOIDED                  | 1000/0/0    | STILL_PAYING           | -
            VOIDED                  | 1000/0/0    | AUTHORIZED             | -
            VOIDED                  | 1000/0/0    | CHARGED                | -
            VOIDED                  | 1000/0/0    | DECLINED               | -
            VOIDED                  | 1000/0/0    | AUTHORIZATION_RELEASED | -
            VOIDED                  | 1000/0/0    | ANSWER_LOST            | -
            VOIDED                  | 1000/0/0    | VOIDED                 | -
            VOIDED                  | 1000/0/0    | AMOUNTS_SETTLED        | -
            """)
    void decides(PaymentStatus from, String amounts, Happening happening, String expected) {
        Payment payment = payment(from, amounts, 1);
        Optional<Decision> decision = PaymentStateMachine.decide(payment, happening);
        assertEquals(expected, decision.map(PaymentDecisionTest::described).orElse("-"));
        assertEquals(from, payment.status, "deciding changes nothing");
    }

    /** A status added to {@link PaymentStatus} fails here until the table says what each happening does to it. */
    @Test
    void everyStatusMeetsEveryHappeningInTheTable() throws NoSuchMethodException {
        String table = PaymentDecisionTest.class.getDeclaredMethod("decides", PaymentStatus.class, String.class,
                Happening.class, String.class).getAnnotation(CsvSource.class).textBlock();
        Set<String> pairs = table.lines().filter(line -> !line.isBlank()).map(line -> line.split("\\|"))
                .map(cells -> cells[0].strip() + " + " + cells[2].strip()).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (PaymentStatus status : PaymentStatus.values()) {
            for (Happening happening : Happening.values()) {
                if (happening != Happening.AWAITS_AUTHENTICATION && !pairs.contains(status + " + " + happening)) {
                    missing.add(status + " + " + happening);
                }
            }
        }
        assertEquals(List.of(), missing, "pairs the table does not decide");
    }

    @Test
    void onlyANewPaymentAwaitsAuthenticationAndThatIsNoEvent() {
        assertEquals("REQUIRES_AUTHENTICATION", PaymentStateMachine.decide(payment(PaymentStatus.PENDING, "0/0/0", 0),
                Happening.AWAITS_AUTHENTICATION).map(PaymentDecisionTest::described).orElse("-"));
        assertEquals(Optional.empty(), PaymentStateMachine.decide(payment(PaymentStatus.PENDING, "0/0/0", 1),
                Happening.AWAITS_AUTHENTICATION));
        assertEquals(Optional.empty(), PaymentStateMachine.decide(payment(PaymentStatus.FAILED, "0/0/0", 0),
                Happening.AWAITS_AUTHENTICATION));
    }

    @Test
    void applyingADecisionMovesThePaymentAndStampsIt() {
        Payment payment = payment(PaymentStatus.PENDING, "0/0/0", 1);
        assertTrue(PaymentStateMachine.apply(new UnitOfWork(), payment, Happening.CHARGED, Cause.NOTIFICATION, NOW));
        assertEquals(PaymentStatus.SUCCEEDED, payment.status);
        assertEquals(NOW, payment.updatedAt);
        assertFalse(PaymentStateMachine.apply(new UnitOfWork(), payment, Happening.DECLINED, Cause.NOTIFICATION, NOW.plusSeconds(1)));
        assertEquals(PaymentStatus.SUCCEEDED, payment.status);
        assertEquals(NOW, payment.updatedAt, "a refused happening changes nothing");
    }

    private static String described(Decision d) {
        return (d.to().name() + " " + d.events().stream().map(EventType::wireName).collect(Collectors.joining(" "))).trim();
    }

    private static Payment payment(PaymentStatus status, String amounts, int version) {
        long[] a = Arrays.stream(amounts.split("/")).mapToLong(Long::parseLong).toArray();
        Payment p = new Payment();
        p.id = "pay_1";
        p.status = status;
        p.authorizedAmount = a[0];
        p.capturedAmount = a[1];
        p.refundedAmount = a[2];
        p.amount = 1000;
        p.version = version;
        p.updatedAt = NOW.minusSeconds(60);
        return p;
    }
}
