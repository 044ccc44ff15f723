package com.example.dokuemulator;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saved cards by token. A token keeps the test card it stands for (so that paying with it behaves
 * like the card), never a number typed in by someone.
 */
final class CardTokens {

    private final Map<String, SavedCard> byToken = new ConcurrentHashMap<>();

    /** Saves the card for the customer; the same card saved twice keeps its first token. */
    synchronized SavedCard save(String customerId, String customerName, TestCard card) {
        return byToken.values().stream()
                .filter(saved -> saved.customerId().equals(customerId) && saved.card() == card)
                .findFirst()
                .orElseGet(() -> {
                    SavedCard saved = new SavedCard(EmulatorIds.token(), customerId, customerName, card);
                    byToken.put(saved.tokenId(), saved);
                    return saved;
                });
    }

    Optional<SavedCard> find(String tokenId) {
        return Optional.ofNullable(tokenId == null ? null : byToken.get(tokenId));
    }

    /** A token usable by this customer: it exists and belongs to them. */
    Optional<SavedCard> findFor(String tokenId, String customerId) {
        return find(tokenId).filter(saved -> saved.customerId().equals(customerId));
    }

    /** The customer's saved card for a token given in a request, or a 400 naming the field. */
    SavedCard requireFor(String tokenId, String customerId) {
        return findFor(tokenId, customerId).orElseThrow(
                () -> EmulatorRejection.invalidParameter("card.token is not a token of customer " + customerId));
    }

    List<SavedCard> of(String customerId) {
        return byToken.values().stream()
                .filter(saved -> saved.customerId().equals(customerId))
                .sorted(Comparator.comparing(SavedCard::tokenId))
                .toList();
    }

    /** Deletes a token, checking the owner when one is given. */
    synchronized boolean delete(String tokenId, String customerId) {
        SavedCard saved = byToken.get(tokenId);
        if (saved == null || customerId != null && !saved.customerId().equals(customerId)) {
            return false;
        }
        return byToken.remove(tokenId) != null;
    }

    void clear() {
        byToken.clear();
    }
}
