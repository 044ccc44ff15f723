package com.example.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AmountRequestReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void captureWithAnAmount() throws Exception {
        assertEquals(50000L, AmountRequestReader.readCapture(json("{\"amount\": 50000}")));
    }

    @Test
    void captureWithoutAnAmountMeansTheFullAmount() throws Exception {
        assertNull(AmountRequestReader.readCapture(json("{}")));
        assertNull(AmountRequestReader.readCapture(null));
    }

    @Test
    void captureAmountMustBeMoney() throws Exception {
        for (String amount : List.of("500.5", "500.0", "\"500\"", "0", "-1", "1000000000000", "null")) {
            Set<String> fields = errorFields(AmountRequestReader::readCapture, json("{\"amount\": " + amount + "}"));
            // JSON null counts as absent: the full amount
            assertEquals(amount.equals("null") ? Set.of() : Set.of("amount"), fields, amount);
        }
    }

    @Test
    void captureRejectsUnknownFieldsAndNonObjects() throws Exception {
        assertEquals(Set.of("amount", "currency"),
                errorFields(AmountRequestReader::readCapture, json("{\"amount\": 1.5, \"currency\": \"IDR\"}")));
        assertEquals(Set.of("body"), errorFields(AmountRequestReader::readCapture, json("[50000]")));
    }

    @Test
    void refundWithAmountAndReason() throws Exception {
        assertEquals(new RefundRequest(10000, "damaged item"),
                AmountRequestReader.readRefund(json("{\"amount\": 10000, \"reason\": \"damaged item\"}")));
        assertEquals(new RefundRequest(10000, null), AmountRequestReader.readRefund(json("{\"amount\": 10000}")));
    }

    @Test
    void refundReportsEveryInvalidField() throws Exception {
        assertEquals(Set.of("amount", "reason", "note"), errorFields(AmountRequestReader::readRefund,
                json("{\"amount\": \"10000\", \"reason\": \"" + "x".repeat(256) + "\", \"note\": 1}")));
        assertEquals(Set.of("amount", "reason"),
                errorFields(AmountRequestReader::readRefund, json("{\"reason\": 5}")));
        assertEquals(Set.of("body"), errorFields(AmountRequestReader::readRefund, null));
    }

    @Test
    void refundAmountMustBeMoney() throws Exception {
        for (String amount : List.of("100.5", "100.0", "0", "-100", "1000000000000", "true")) {
            assertEquals(Set.of("amount"),
                    errorFields(AmountRequestReader::readRefund, json("{\"amount\": " + amount + "}")), amount);
        }
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    /** The fields reported invalid, or an empty set when the body is accepted. */
    private static Set<String> errorFields(Function<JsonNode, ?> reader, JsonNode body) {
        try {
            reader.apply(body);
            return Set.of();
        } catch (ValidationException e) {
            return e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
        }
    }
}
