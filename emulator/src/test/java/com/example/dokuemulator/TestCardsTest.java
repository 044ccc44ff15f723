package com.example.dokuemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class TestCardsTest {

    private static final YearMonth NOW = YearMonth.of(2026, 5);

    @Test
    void masksFirstSixAndLastFour() {
        assertEquals("411111******1111", TestCards.mask("4111111111111111"));
        assertEquals("557338******1101", TestCards.mask("5573 3810 1111 1101"));
        assertEquals("557338******1101", TestCard.MASTER_APPROVED.masked());
    }

    @Test
    void approvesTheTwoGoodCards() {
        CardResult visa = TestCards.judge("4111111111111111", "1228", NOW);
        assertTrue(visa.approved());
        assertEquals("00", visa.responseCode());
        assertEquals("VISA", visa.brand());
        assertEquals("BCA", visa.issuer());
        assertEquals("CREDIT", visa.cardType());
        CardResult master = TestCards.judge("5573381011111101", "0526", NOW); // valid through its month
        assertTrue(master.approved());
        assertEquals("MASTER", master.brand());
        assertEquals("Bank Mandiri", master.issuer());
        assertEquals("BANK_MANDIRI", master.acquirer());
    }

    @Test
    void declinesWithEachCardsResponseCode() {
        assertDeclined("4000000000000002", "05", "DO NOT HONOR");
        assertDeclined("4000000000009995", "51", "INSUFFICIENT FUNDS");
        assertDeclined("4000000000003063", "3DS_FAILED", "3D SECURE AUTHENTICATION FAILED");
        assertDeclined("4242424242424242", "14", "INVALID CARD NUMBER");
    }

    @Test
    void declinesAnExpiredCard() {
        CardResult expired = TestCards.judge("4111111111111111", "0426", NOW);
        assertFalse(expired.approved());
        assertEquals("54", expired.responseCode());
        assertEquals("411111******1111", expired.masked());
    }

    @Test
    void refusesMalformedInputBeforeJudging() {
        assertTrue(TestCards.inputProblem("4111111111111111", "1228", "123", true).isEmpty());
        assertTrue(TestCards.inputProblem("4111 1111 1111 1111", "1228", "123", true).isEmpty());
        assertTrue(TestCards.inputProblem("41111111x1111111", "1228", "123", true).isPresent());
        assertTrue(TestCards.inputProblem("4111", "1228", "123", true).isPresent());
        assertTrue(TestCards.inputProblem("4111111111111111", "1328", "123", true).isPresent());
        assertTrue(TestCards.inputProblem("4111111111111111", "12/28", "123", true).isPresent());
        assertTrue(TestCards.inputProblem("4111111111111111", "1228", null, true).isPresent());
        assertTrue(TestCards.inputProblem("4111111111111111", "1228", "12", true).isPresent());
        // MOTO and RECURRING need no CVV.
        assertTrue(TestCards.inputProblem("4111111111111111", "1228", null, false).isEmpty());
    }

    @Test
    void judgesTypedCardsOrRefusesThemWith400() {
        Instant now = Instant.parse("2026-05-20T00:00:00Z");
        assertTrue(TestCards.judgeTyped("4111111111111111", "1228", "123", "SALE", now).approved());
        assertTrue(TestCards.judgeTyped("4111111111111111", "1228", null, "MOTO", now).approved());
        assertEquals(400, assertThrows(EmulatorRejection.class,
                () -> TestCards.judgeTyped("4111111111111111", "1228", null, "SALE", now)).status());
        assertEquals("54", TestCards.judgeTyped("4111111111111111", "0426", "123", "SALE", now).responseCode());
    }

    @Test
    void parsesExpiryAsMonthAndYear() {
        assertEquals(YearMonth.of(2028, 12), TestCards.parseExpiry("1228"));
        assertNull(TestCards.parseExpiry("0028"));
    }

    private static void assertDeclined(String number, String code, String message) {
        CardResult result = TestCards.judge(number, "1230", NOW);
        assertFalse(result.approved(), number);
        assertEquals(code, result.responseCode());
        assertEquals(message, result.responseMessage());
        assertEquals(TestCards.mask(number), result.masked());
    }
}
