package com.example.gateway.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.gateway.payment.Transition.Cause;
import com.example.gateway.payment.provider.TransactionNews;
import com.example.gateway.payment.provider.TransactionNews.Decline;
import com.example.gateway.payment.provider.TransactionNews.Kind;
import com.example.gateway.payment.provider.TransactionNews.Outcome;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the provider's news of a payment's own transaction means for the payment, whoever brought it (a
 * notification, a status check, the charge's answer): the rule, in the gateway's terms, with no provider,
 * database or Quarkus. Amounts are "authorized/captured".
 */
class PaymentOutcomeTest {

    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
    private static final Instant DOKU_DATE = Instant.parse("2026-12-07T03:59:00Z");

    @ParameterizedTest(name = "{0} {1} ({2}) hears {3} {4}: {5}, failure {6}")
    @CsvSource(delimiter = '|', textBlock = """
            PENDING    | SALE      | 0/0       | UNSTATED      | SUCCEEDED | SUCCEEDED  |
            PENDING    | AUTHORIZE | 0/0       | UNSTATED      | SUCCEEDED | AUTHORIZED |
            PENDING    | SALE      | 0/0       | AUTHORIZATION | SUCCEEDED | AUTHORIZED |
            PENDING    | AUTHORIZE | 0/0       | SALE          | SUCCEEDED | SUCCEEDED  |
            PENDING    | SALE      | 0/0       | SALE          | DECLINED  | FAILED     | 05
            PENDING    | SALE      | 0/0       | SALE          | LAPSED    | FAILED     | 05
            PENDING    | SALE      | 0/0       | SALE          | PENDING   | PENDING    |
            PENDING    | SALE      | 0/0       | SALE          | CANCELLED | PENDING    |
            PENDING    | SALE      | 0/0       | SALE          | UNKNOWN   | PENDING    |
            PENDING    | SALE      | 0/0       | OPERATION     | SUCCEEDED | PENDING    |
            UNKNOWN    | SALE      | 0/0       | SALE          | PENDING   | PENDING    |
            UNKNOWN    | SALE      | 0/0       | SALE          | DECLINED  | FAILED     | 05
            FAILED     | SALE      | 0/0       | SALE          | SUCCEEDED | SUCCEEDED  |
            AUTHORIZED | AUTHORIZE | 1000/0    | AUTHORIZATION | LAPSED    | EXPIRED    |
            AUTHORIZED | AUTHORIZE | 1000/0    | AUTHORIZATION | DECLINED  | AUTHORIZED |
            AUTHORIZED | AUTHORIZE | 1000/600  | AUTHORIZATION | LAPSED    | AUTHORIZED |
            SUCCEEDED  | SALE      | 0/1000    | SALE          | DECLINED  | SUCCEEDED  |
            UNKNOWN    | SALE      | 0/1000    | SALE          | DECLINED  | UNKNOWN    |
            """)
    void applies(PaymentStatus status, PaymentType type, String amounts, Kind kind, Outcome outcome,
            PaymentStatus expected, String failureCode) {
        String[] a = amounts.split("/");
        Payment payment = new Payment();
        payment.id = "pay_1";
        payment.status = status;
        payment.paymentType = type;
        payment.amount = 1000;
        payment.authorizedAmount = Long.parseLong(a[0]);
        payment.capturedAmount = Long.parseLong(a[1]);
        payment.version = 1;
        Decline decline = outcome == Outcome.DECLINED || outcome == Outcome.LAPSED ? new Decline("05", "DO NOT HONOUR") : null;
        TransactionNews news = new TransactionNews("INV-1", 1000L, kind, outcome, decline, DOKU_DATE,
                new TransactionNews.Card("411111******1111", "VISA", null, null, "tok-1"), "A1", "auth-1");

        boolean moved = PaymentOutcome.apply(new UnitOfWork(), payment, news, Cause.NOTIFICATION, NOW);

        assertEquals(expected, payment.status);
        assertEquals(expected != status, moved);
        assertEquals(failureCode, payment.failureCode);
        if (expected == PaymentStatus.AUTHORIZED && status != PaymentStatus.AUTHORIZED) {
            assertEquals(1000, payment.authorizedAmount);
            assertEquals("auth-1", payment.authorizeId);
            assertEquals(DOKU_DATE.plus(PaymentOutcome.CAPTURE_WINDOW), payment.captureDeadline);
        }
        if (expected == PaymentStatus.SUCCEEDED && status != PaymentStatus.SUCCEEDED) {
            assertEquals(1000, payment.capturedAmount);
        }
    }
}
