package com.example.dokuemulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/** {@code POST /tokenization/v1/tokens} (list a customer's cards) and {@code POST /credit-card/delete-tokenization}. */
final class TokenRequests {

    private static final Set<String> TOKEN_TYPES = Set.of("CREDIT_CARD", "DIRECT_DEBIT");

    private final CardTokens tokens;

    TokenRequests(CardTokens tokens) {
        this.tokens = tokens;
    }

    Outcome list(IncomingRequest request) {
        String customerId = RequestFields.requiredText(request.body(), "customer.id", 50);
        String type = RequestFields.oneOf(request.body(), "token_data.type", TOKEN_TYPES, "CREDIT_CARD");
        ArrayNode answer = EmulatorJson.object().arrayNode();
        if ("CREDIT_CARD".equals(type)) { // the emulator has no direct debit tokens
            for (SavedCard saved : tokens.of(customerId)) {
                ObjectNode entry = answer.addObject();
                entry.putObject("token_data").put("type", "CREDIT_CARD");
                EmulatorJson.putText(entry.putObject("customer").put("id", customerId), "name", saved.customerName());
                entry.putObject("credit_card")
                        .put("issuer", saved.issuer())
                        .put("token_id", saved.tokenId())
                        .put("masked_card", saved.maskedCard())
                        .put("brand", saved.brand());
            }
        }
        return Outcome.read(answer, null);
    }

    Outcome delete(IncomingRequest request) {
        JsonNode body = request.body();
        String tokenId = RequestFields.requiredText(body, "token_id", 256);
        if (!tokens.delete(tokenId, RequestFields.text(body, "customer_id"))) {
            throw EmulatorRejection.notFound("token_id " + tokenId + " is unknown");
        }
        return Outcome.changed(EmulatorJson.object().put("status", "DELETE SUCCESS"), null, List.of());
    }
}
