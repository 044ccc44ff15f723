package com.example.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unknown field names are shown masked in errors[].field: a client may have put a card number there. */
class UnknownFieldNameMaskTest {

    @Test
    void digitRunsAndOddCharactersAreMaskedAndTheLengthIsBounded() {
        assertEquals("colour", JsonFieldReader.maskedName("colour"));
        assertEquals("__proto__", JsonFieldReader.maskedName("__proto__"));
        assertEquals("#", JsonFieldReader.maskedName("4111111111111111"));
        assertEquals("card#-cvv#", JsonFieldReader.maskedName("card4111-cvv123"));
        assertEquals("a?b?c", JsonFieldReader.maskedName("a b\u0000c"));
        assertEquals("?", JsonFieldReader.maskedName(""));
        String masked = JsonFieldReader.maskedName("x".repeat(300));
        assertEquals(JsonFieldReader.MAX_SHOWN_NAME, masked.length());
        assertTrue(masked.endsWith("…"));
    }

    @Test
    void nestedUnknownFieldsKeepTheirKnownPathAndMaskOnlyTheUnknownName() throws Exception {
        JsonFieldReader root = JsonFieldReader.root(new ObjectMapper().readTree(
                "{\"customer\": {\"4111111111111111\": 1}, \"5500000000000004\": 2}"), "customer");
        root.field("customer").object("id");
        List<String> fields = errors(root);
        assertEquals(List.of("#", "customer.#"), fields.stream().sorted().toList());
    }

    private static List<String> errors(JsonFieldReader reader) {
        try {
            reader.throwIfInvalid();
            return List.of();
        } catch (ValidationException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }
}
