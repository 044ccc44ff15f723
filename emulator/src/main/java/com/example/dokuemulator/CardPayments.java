package com.example.dokuemulator;

import java.time.Instant;

/**
 * What a page payment and a charge have in common once the card's verdict is known: complete the
 * transaction, save the card when asked, index the authorization and say whom to notify.
 */
final class CardPayments {

    private final TransactionBook book;
    private final CardTokens tokens;
    private final String defaultNotificationUrl;

    CardPayments(TransactionBook book, CardTokens tokens, String defaultNotificationUrl) {
        this.book = book;
        this.tokens = tokens;
        this.defaultNotificationUrl = defaultNotificationUrl;
    }

    /**
     * @param usedToken the saved card paid with, or {@code null} when a card number was typed
     */
    TransactionSnapshot complete(EmulatedTransaction transaction, CardResult verdict, SavedCard usedToken, Instant now) {
        TransactionTerms terms = transaction.terms();
        TransactionSnapshot done = transaction.complete(verdict, v -> tokenFor(terms, v, usedToken), now);
        book.indexAuthorization(done);
        return done;
    }

    Notification paymentNotification(Operation operation, TransactionSnapshot done, TransactionTerms terms) {
        return new Notification(operation, notificationUrl(terms), done.invoiceNumber(), done.paymentType(),
                done.status(), TransactionJson.paymentNotification(done));
    }

    /** {@code additional_info.override_notification_url} wins over the configured Notification URL. */
    String notificationUrl(TransactionTerms terms) {
        return terms.overrideNotificationUrl() != null ? terms.overrideNotificationUrl() : defaultNotificationUrl;
    }

    private String tokenFor(TransactionTerms terms, CardResult verdict, SavedCard usedToken) {
        if (usedToken != null) {
            return usedToken.tokenId();
        }
        if (verdict.approved() && terms.saveCard() && terms.customerId() != null && verdict.card() != null) {
            return tokens.save(terms.customerId(), terms.customerName(), verdict.card()).tokenId();
        }
        return null;
    }
}
