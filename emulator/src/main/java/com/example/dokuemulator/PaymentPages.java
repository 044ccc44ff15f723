package com.example.dokuemulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hosted payment page: {@code POST /credit-card/v1/payment-page} opens a pending transaction with
 * a session, and paying on the page (form or test shortcut) completes it.
 */
final class PaymentPages {

    static final Set<String> PAYMENT_TYPES = Set.of("SALE", "AUTHORIZE", "INSTALLMENT", "MOTO", "RECURRING");
    static final Set<String> INSTALLMENT_ACQUIRERS = Set.of("BNI", "BRI", "BANK_CIMB", "BANK_MANDIRI", "BCA",
            "BANK_PERMATA", "DANAMON", "BUKOPIN", "HSBC", "OCBC_NISP");

    /** A page payment whose notification is still to be sent. */
    record Paid(TransactionSnapshot transaction, Notification notification, String redirectUrl) {
    }

    private final TransactionBook book;
    private final CardTokens tokens;
    private final CardPayments payments;
    private final String publicUrl;

    PaymentPages(TransactionBook book, CardTokens tokens, CardPayments payments, String publicUrl) {
        this.book = book;
        this.tokens = tokens;
        this.payments = payments;
        this.publicUrl = publicUrl;
    }

    Outcome create(IncomingRequest request) {
        JsonNode body = request.body();
        OrderFields order = OrderFields.read(body);
        if (RequestFields.text(body, "customer.email") == null && RequestFields.text(body, "customer.phone") == null) {
            throw EmulatorRejection.invalidParameter("customer.email or customer.phone is mandatory");
        }
        String callbackUrl = RequestFields.url(body, "order.callback_url");
        String failedUrl = RequestFields.url(body, "order.failed_url");
        if (RequestFields.flag(body, "order.auto_redirect") && callbackUrl == null) {
            throw EmulatorRejection.invalidParameter("order.callback_url is mandatory when order.auto_redirect is true");
        }
        String type = RequestFields.oneOf(body, "payment.type", PAYMENT_TYPES, "SALE");
        if ("INSTALLMENT".equals(type)
                && (RequestFields.oneOf(body, "payment.acquirer", INSTALLMENT_ACQUIRERS, null) == null
                        || RequestFields.text(body, "payment.tenor") == null)) {
            throw EmulatorRejection.invalidParameter("payment.acquirer and payment.tenor are mandatory for INSTALLMENT");
        }
        String tokenId = RequestFields.text(body, "card.token");
        if (tokenId != null) {
            tokens.requireFor(tokenId, order.requireCustomerId("to use card.token"));
        }
        boolean save = order.saveCardRequested(body);
        String session = EmulatorIds.session();
        book.open(new TransactionTerms(Operation.PAYMENT_PAGE, order.invoiceNumber(), order.amount(), type,
                RequestFields.flag(body, "payment.auto_capture"), request.requestId(), order.customerId(),
                order.customerName(), callbackUrl, failedUrl, tokenId, save,
                RequestFields.url(body, "additional_info.override_notification_url")), session, request.now());

        ObjectNode answer = EmulatorJson.object();
        ObjectNode answerOrder = answer.putObject("order").put("invoice_number", order.invoiceNumber()).put("session_id", session);
        JsonNode lineItems = RequestFields.at(body, "order.line_items");
        if (lineItems != null) {
            answerOrder.set("line_items", lineItems.deepCopy());
        }
        answer.putObject("credit_card_payment_page").put("url", pageUrl(session));
        JsonNode additionalInfo = RequestFields.at(body, "additional_info");
        answer.set("additional_info", additionalInfo != null ? additionalInfo.deepCopy() : EmulatorJson.object());
        return Outcome.changed(answer, order.invoiceNumber(), List.of());
    }

    String pageUrl(String session) {
        return publicUrl + "/pay/" + session;
    }

    /** The saved card a page offers, if its request named one that still exists. */
    Optional<SavedCard> offeredCard(EmulatedTransaction transaction) {
        TransactionTerms terms = transaction.terms();
        return terms.presetTokenId() == null ? Optional.empty()
                : tokens.findFor(terms.presetTokenId(), terms.customerId());
    }

    /** The acquirer's verdict on what the customer submitted, and the saved card used if any. */
    record Verdict(CardResult result, SavedCard savedCard) {

        /** The issuer asks the cardholder for a one-time code first (3-D Secure). */
        boolean needsChallenge() {
            return result.card() == TestCard.THREE_DS_FAILURE;
        }
    }

    /**
     * Judges what the customer submitted on a pending page. Throws a 409 rejection when the page was
     * already paid and a 400 for card input that is not even well formed (the page asks again).
     */
    Verdict judge(EmulatedTransaction transaction, PageCardInput input, Instant now) {
        TransactionTerms terms = transaction.terms();
        if (!transaction.pending()) {
            throw EmulatorRejection.alreadyProcessed("invoice " + terms.invoiceNumber() + " was already paid");
        }
        if (input.useSavedCard()) {
            SavedCard savedCard = offeredCard(transaction)
                    .orElseThrow(() -> EmulatorRejection.invalidParameter("this page offers no saved card"));
            return new Verdict(CardResult.of(savedCard.card()), savedCard);
        }
        return new Verdict(TestCards.judgeTyped(input.cardNumber(), input.expiry(), input.cvv(), terms.paymentType(), now),
                null);
    }

    /** Completes a pending page with a verdict; the notification is still to be sent. */
    Paid complete(EmulatedTransaction transaction, Verdict verdict, Instant now) {
        TransactionTerms terms = transaction.terms();
        if (!transaction.pending()) {
            throw EmulatorRejection.alreadyProcessed("invoice " + terms.invoiceNumber() + " was already paid");
        }
        TransactionSnapshot done = payments.complete(transaction, verdict.result(), verdict.savedCard(), now);
        String redirect = EmulatedTransaction.SUCCESS.equals(done.status()) || terms.failedUrl() == null
                ? terms.callbackUrl() : terms.failedUrl();
        return new Paid(done, payments.paymentNotification(Operation.PAYMENT_PAGE, done, terms), redirect);
    }
}
