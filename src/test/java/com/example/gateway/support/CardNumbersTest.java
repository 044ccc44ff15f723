package com.example.gateway.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "4111111111111111", // 16 digits, Visa test card
            "4222222222222", // 13 digits
            "6011000990139424", // Discover
            "4111 1111 1111 1111", "4111-1111-1111-1111", "4111 - 1111 -- 1111  1111",
            "3782 822463 10005", // American Express, 4-6-5
            "3056 930902 5904", // Diners Club, 4-6-4
            "6759 6498 2643 8453 003", // 19 digits, 4-4-4-4-3
            "ref: 4111111111111111.", "card_4111111111111111", "(4111111111111111)", "4111111111111111-x",
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
            "tel +62 812 3456 7890",
            "a4111111111111111b", "x4111111111111111", // glued to letters: part of a word, not a number of its own
            "4111 111111111111", // 4-12 is no card's grouping
            // Identifiers that were refused before digits had to stand as a word, grouped as a card's are:
            "A-d591784f-8758-4921-9123-16e4297469f4", "A-62343068-5623-46f5-b3c0-ac48d05a56f9",
            "21734473b342878c1247815691551e628a49c62f", "70d966ac1257668ea39e7beb74f6170227396673"})
    void findsNoneWhereThereIsNone(String text) {
        assertFalse(CardNumbers.containsCardNumber(text), text);
    }

    /** UUIDs and hex digests are what clients put in metadata: not one in 100 000 of each may be refused. */
    @Test
    void noUuidNorHexDigestIsTakenForACardNumber() {
        Random random = new Random(22);
        List<String> refused = IntStream.range(0, 100_000).mapToObj(i -> {
            byte[] digest = new byte[20];
            random.nextBytes(digest);
            return List.of("A-" + new UUID(random.nextLong(), random.nextLong()), HexFormat.of().formatHex(digest));
        }).flatMap(List::stream).filter(CardNumbers::containsCardNumber).toList();

        assertEquals(List.of(), refused.stream().limit(5).toList(), refused.size() + " refused");
    }
}
