package com.example.dokuemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmulatedTransactionTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void anApprovedSaleCanBeVoidedOnlyInFullBeforeSettlement() {
        EmulatedTransaction sale = paid("SALE", TestCard.VISA_APPROVED);
        assertEquals(400, assertThrows(EmulatorRejection.class, () -> sale.refund(4_000, "r1", NOW)).status());

        TransactionSnapshot.Refund voided = sale.refund(10_000, "r2", NOW);
        assertEquals("VOID", voided.type());
        assertEquals("VOIDED", sale.snapshot().status());
        assertThrows(EmulatorRejection.class, () -> sale.refund(10_000, "r3", NOW));
    }

    @Test
    void aSettledSaleIsRefundedInPartsUpToItsAmount() {
        EmulatedTransaction sale = paid("SALE", TestCard.VISA_APPROVED);
        sale.settle();
        assertEquals("PARTIAL_REFUND", sale.refund(4_000, "r1", NOW).type());
        assertEquals("SUCCESS", sale.snapshot().status());
        assertThrows(EmulatorRejection.class, () -> sale.refund(6_001, "r2", NOW));
        assertEquals("PARTIAL_REFUND", sale.refund(6_000, "r3", NOW).type());
        TransactionSnapshot after = sale.snapshot();
        assertEquals("REFUNDED", after.status());
        assertEquals(10_000, after.refundedAmount());
    }

    @Test
    void aFullRefundAfterSettlement() {
        EmulatedTransaction sale = paid("SALE", TestCard.VISA_APPROVED);
        sale.settle();
        assertEquals("FULL_REFUND", sale.refund(10_000, "r1", NOW).type());
        assertEquals("REFUNDED", sale.snapshot().status());
    }

    @Test
    void anAuthorizationIsCapturedUpToItsAmountWithinSevenDays() {
        EmulatedTransaction auth = paid("AUTHORIZE", TestCard.MASTER_APPROVED);
        assertNotNull(auth.snapshot().authorizeId());
        assertEquals(400, assertThrows(EmulatorRejection.class, () -> auth.capture(10_001L, "c0", NOW)).status());
        assertEquals(6_000, auth.capture(6_000L, "c1", NOW).amount());
        assertEquals(4_000, auth.capture(null, "c2", NOW.plus(Duration.ofDays(6))).amount()); // the rest
        assertThrows(EmulatorRejection.class, () -> auth.capture(null, "c3", NOW));
        assertEquals(10_000, auth.snapshot().capturedAmount());
    }

    @Test
    void anAuthorizationExpiresAfterSevenDays() {
        EmulatedTransaction auth = paid("AUTHORIZE", TestCard.VISA_APPROVED);
        assertThrows(EmulatorRejection.class, () -> auth.capture(null, "c1", NOW.plus(Duration.ofDays(7)).plusSeconds(1)));
    }

    @Test
    void aSaleCannotBeCapturedAndADeclineCannotBeRefunded() {
        assertThrows(EmulatorRejection.class, () -> paid("SALE", TestCard.VISA_APPROVED).capture(null, "c1", NOW));
        EmulatedTransaction declined = paid("SALE", TestCard.DO_NOT_HONOR);
        assertEquals("FAILED", declined.snapshot().status());
        assertNull(declined.snapshot().approvalCode());
        assertThrows(EmulatorRejection.class, () -> declined.refund(10_000, "r1", NOW));
    }

    @Test
    void completesOnlyOnceAndSavesTokensOnlyThen() {
        EmulatedTransaction sale = paid("SALE", TestCard.VISA_APPROVED);
        assertEquals(409, assertThrows(EmulatorRejection.class,
                () -> sale.complete(CardResult.of(TestCard.VISA_APPROVED), v -> {
                    throw new AssertionError("no token for a second attempt");
                }, NOW)).status());
    }

    @Test
    void anUnpaidPageGoesThroughRedirectAndCanStillBePaidOrExpire() {
        EmulatedTransaction page = unpaid("SALE");
        page.forceStatus("REDIRECT", NOW);
        assertEquals("REDIRECT", page.snapshot().status());
        assertEquals("SUCCESS", page.complete(CardResult.of(TestCard.VISA_APPROVED), v -> null, NOW).status());

        EmulatedTransaction forgotten = unpaid("SALE");
        forgotten.forceStatus("EXPIRED", NOW.plusSeconds(60));
        assertEquals("EXPIRED", forgotten.snapshot().status());
        assertEquals(NOW.plusSeconds(60), forgotten.snapshot().date());
        assertThrows(EmulatorRejection.class, () -> forgotten.complete(CardResult.of(TestCard.VISA_APPROVED), v -> null, NOW));
    }

    @Test
    void onlyAnUncapturedAuthorizationCanBeReleasedAsExpired() {
        EmulatedTransaction auth = paid("AUTHORIZE", TestCard.VISA_APPROVED);
        assertThrows(IllegalStateException.class, () -> auth.forceStatus("TIMEOUT", NOW));
        auth.forceStatus("EXPIRED", NOW);
        assertThrows(EmulatorRejection.class, () -> auth.capture(null, "c1", NOW));

        EmulatedTransaction captured = paid("AUTHORIZE", TestCard.VISA_APPROVED);
        captured.capture(1_000L, "c1", NOW);
        assertThrows(IllegalStateException.class, () -> captured.forceStatus("EXPIRED", NOW));
        assertThrows(IllegalStateException.class, () -> paid("SALE", TestCard.VISA_APPROVED).forceStatus("EXPIRED", NOW));
        assertThrows(IllegalArgumentException.class, () -> unpaid("SALE").forceStatus("SETTLED", NOW));
    }

    private static EmulatedTransaction paid(String type, TestCard card) {
        EmulatedTransaction transaction = unpaid(type);
        transaction.complete(CardResult.of(card), v -> null, NOW);
        return transaction;
    }

    private static EmulatedTransaction unpaid(String type) {
        return new EmulatedTransaction(new TransactionTerms(Operation.CHARGE, "INV-1",
                10_000, type, false, "req-1", "CUST-1", "Anton", null, null, null, false, null), null, NOW);
    }
}
