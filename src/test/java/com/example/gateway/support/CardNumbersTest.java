package com.example.gateway.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "4111111111111111", // 16 digits, Visa test card
            "4222222222222", // 13 digits
            "6011000990139424", // Discover
            "4111 1111 1111 1111", "4111-1111-1111-1111", "4111 - 1111 -- 1111  1111",
            "ref: 4111111111111111.", "a4111111111111111b",
            "４１１１１１１１１１１１１１１１", // full-width digits
            "6759649826438453003", // 19 digits (Maestro length)
            "first 12, then 5555555555554444"})
    void findsACardNumber(String text) {
        assertTrue(CardNumbers.containsCardNumber(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "4111111111111112", // fails Luhn
            "411111111117", // 12 digits passing Luhn: shorter than any card number
            "41111111111111111111", // 20 digits: a reference number, not a card
            "A-1", "", "order 2026-12-07", "4111 1111 1111 111x1",
            "4111111111111111-" + "0", // the run goes on to 17 digits, which fail Luhn
            "tel +62 812 3456 7890"})
    void findsNoneWhereThereIsNone(String text) {
        assertFalse(CardNumbers.containsCardNumber(text), text);
    }
}
