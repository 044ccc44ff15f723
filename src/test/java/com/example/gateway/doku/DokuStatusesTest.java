package com.example.gateway.doku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.payment.provider.OperationAnswer;
import com.example.gateway.payment.provider.TransactionNews;
import com.example.gateway.payment.provider.TransactionNews.Kind;
import com.example.gateway.payment.provider.TransactionNews.Outcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every value DOKU documents for a transaction's status and type, a capture's and refund's answer and a
 * refund's type, and what each means in the gateway's terms. Plain JUnit: no Quarkus, no emulator.
 */
class DokuStatusesTest {

    /** NOTES.md (notifications, check status) and the check-status values DOKU added since. */
    private static final Set<String> DOCUMENTED_STATUSES = Set.of("SUCCESS", "FAILED", "PENDING", "REDIRECT",
            "REFUNDED", "VOIDED", "EXPIRED", "TIMEOUT", "ORDER_GENERATED", "ORDER_EXPIRED");

    private static final Set<String> DOCUMENTED_TYPES = Set.of("SALE", "INSTALLMENT", "MOTO", "AUTHORIZE", "CAPTURE",
            "RECURRING", "REFUND");

    @Test
    void everyDocumentedStatusAndTypeHasItsRow() {
        assertEquals(DOCUMENTED_STATUSES, DokuStatuses.PAYMENT_STATUS.keySet());
        assertEquals(DOCUMENTED_TYPES, DokuStatuses.TYPE.keySet());
    }

    @ParameterizedTest(name = "transaction.status {0} is {1}")
    @CsvSource({
            "SUCCESS, SUCCEEDED",
            "success, SUCCEEDED",
            "FAILED, DECLINED",
            "TIMEOUT, DECLINED",
            "ORDER_EXPIRED, DECLINED",
            "EXPIRED, LAPSED",
            "PENDING, PENDING",
            "REDIRECT, PENDING",
            "ORDER_GENERATED, PENDING",
            "REFUNDED, CANCELLED",
            "VOIDED, CANCELLED",
            "SETTLED, UNKNOWN",
            ", UNKNOWN"})
    void paymentStatus(String status, Outcome outcome) {
        assertEquals(outcome, DokuStatuses.paymentOutcome(status));
    }

    @ParameterizedTest(name = "transaction.type {0} is {1}")
    @CsvSource({
            "SALE, SALE",
            "INSTALLMENT, SALE",
            "MOTO, SALE",
            "RECURRING, SALE",
            "AUTHORIZE, AUTHORIZATION",
            "authorize, AUTHORIZATION",
            "CAPTURE, OPERATION",
            "REFUND, OPERATION",
            "PREAUTH_TOPUP, SALE",
            ", UNSTATED"})
    void transactionType(String type, Kind kind) {
        assertEquals(kind, DokuStatuses.kind(type));
    }

    @ParameterizedTest(name = "{0} with response code {1}: declined for {2}")
    @CsvSource({
            "FAILED, 05, 05",
            "FAILED, , FAILED",
            "TIMEOUT, , TIMEOUT",
            "timeout, TO, TO",
            "EXPIRED, , EXPIRED",
            "ORDER_EXPIRED, , ORDER_EXPIRED"})
    void aDeclineSaysWhy(String status, String responseCode, String reason) {
        TransactionNews news = DokuStatuses.news(report(status, "SALE", responseCode, null));
        assertEquals(reason, news.decline().code());
        assertEquals("message " + status, news.decline().message());
    }

    @ParameterizedTest
    @CsvSource({"SUCCESS", "PENDING", "REDIRECT", "ORDER_GENERATED", "REFUNDED", "VOIDED"})
    void onlyADeclineHasAReason(String status) {
        assertNull(DokuStatuses.news(report(status, "SALE", "00", null)).decline());
    }

    /** Check status of a capture or refund: settled, and whether it was a void; or still processing (null). */
    @ParameterizedTest(name = "operation status {0}, refund.type {1}: succeeded {2}, voided {3}, refund type {4}")
    @CsvSource({
            "SUCCESS, , true, false, ",
            "SUCCESS, PARTIAL_REFUND, true, false, PARTIAL_REFUND",
            "REFUNDED, FULL_REFUND, true, false, FULL_REFUND",
            "VOIDED, , true, true, VOID",
            "VOIDED, VOID, true, true, VOID",
            "SUCCESS, VOID, true, true, VOID",
            "FAILED, , false, false, "})
    void operationSettled(String status, String refundType, boolean succeeded, boolean voided, String shownType) {
        OperationAnswer answer = DokuStatuses.operationAnswer(report(status, "REFUND", "00", refundType));
        assertEquals(succeeded, answer.succeeded());
        assertEquals(voided, answer.voided());
        assertEquals(shownType, answer.refundType());
    }

    @ParameterizedTest(name = "operation status {0}: still processing")
    @CsvSource({"PENDING", "REDIRECT", "TIMEOUT", "EXPIRED", "ORDER_GENERATED", "ORDER_EXPIRED", "SETTLED", "''"})
    void operationStillProcessing(String status) {
        assertNull(DokuStatuses.operationAnswer(report(status.isEmpty() ? null : status, "CAPTURE", null, null)));
    }

    @ParameterizedTest(name = "capture answer {0}: succeeded {1}")
    @CsvSource({"SUCCESS, true", "success, true", "FAILED, false", "PENDING, false"})
    void captureAnswer(String status, boolean succeeded) {
        OperationAnswer answer = new CaptureAnswer(new CaptureAnswer.Payment(status, "00", "APPROVED", "A1")).result();
        assertEquals(succeeded, answer.succeeded());
        assertFalse(answer.voided());
        assertEquals("A1", answer.approvalCode());
    }

    @ParameterizedTest(name = "refund answer {0} of type {1}: succeeded {2}, voided {3}")
    @CsvSource({
            "SUCCESS, VOID, true, true",
            "SUCCESS, void, true, true",
            "SUCCESS, FULL_REFUND, true, false",
            "SUCCESS, PARTIAL_REFUND, true, false",
            "SUCCESS, MANUAL_REFUND, true, false",
            "FAILED, VOID, false, false",
            "FAILED, FULL_REFUND, false, false"})
    void refundAnswer(String status, String type, boolean succeeded, boolean voided) {
        OperationAnswer answer = new RefundAnswer(new RefundAnswer.Refund(1000L, type, status, "msg", "A2")).result();
        assertEquals(succeeded, answer.succeeded());
        assertEquals(voided, answer.voided());
        assertEquals(type, answer.refundType());
        assertEquals(status, answer.code());
    }

    @Test
    void anAnswerWithoutAStatusIsUnreadable() {
        assertNull(new CaptureAnswer(new CaptureAnswer.Payment(null, null, null, null)).result());
        assertNull(new RefundAnswer(new RefundAnswer.Refund(1L, "VOID", null, null, null)).result());
        assertNull(new ChargeAnswer(null, new ChargeAnswer.Payment("SALE", "r", null, null, null, null, null), null).report());
    }

    /** The notification sample of NOTES.md, field by field. */
    @Test
    void aNotificationInTheGatewaysTerms() throws Exception {
        String body = """
                {"order": {"invoice_number": "INV-1672986414", "amount": 90000},
                 "transaction": {"type": "AUTHORIZE", "status": "SUCCESS", "date": "2023-01-06T06:27:14Z",
                                 "original_request_id": "a438194b"},
                 "card_payment": {"masked_card_number": "557338******1101", "approval_code": "448998",
                                  "response_code": "00", "response_message": "PAYMENT APPROVED", "brand": "MASTERCARD",
                                  "issuer": "BANK", "type": "CREDIT", "token_id": "tok-1"},
                 "authorize_id": "16920747459243358"}""";
        TransactionNews news = DokuStatuses.news(TransactionReport.parse(new ObjectMapper().readTree(body)));
        assertEquals(new TransactionNews("INV-1672986414", 90000L, Kind.AUTHORIZATION, Outcome.SUCCEEDED, null,
                Instant.parse("2023-01-06T06:27:14Z"),
                new TransactionNews.Card("557338******1101", "MASTERCARD", "BANK", "CREDIT", "tok-1"),
                "448998", "16920747459243358"), news);
    }

    /** Check status names the masked card {@code card_masked} and may put {@code authorize_id} in {@code card_payment}. */
    @Test
    void checkStatusNamesTwoFieldsDifferently() throws Exception {
        String body = """
                {"order": {"invoice_number": "INV-2", "amount": 1000.0},
                 "transaction": {"status": "redirect"},
                 "card_payment": {"card_masked": "411111******1111", "authorize_id": "auth-2"}}""";
        TransactionNews news = DokuStatuses.news(TransactionReport.parse(new ObjectMapper().readTree(body)));
        assertEquals("411111******1111", news.card().masked());
        assertEquals("auth-2", news.authorizeId());
        assertEquals(Outcome.PENDING, news.outcome());
        assertEquals(Kind.UNSTATED, news.kind());
        assertNull(news.amount(), "1000.0 is not a whole number");
    }

    /** The charge answer has its own shape: {@code payment} and {@code card} instead of the envelope. */
    @Test
    void aChargeAnswerInTheGatewaysTerms() {
        ChargeAnswer answer = new ChargeAnswer(new ChargeAnswer.Order("INV-3", 5000L),
                new ChargeAnswer.Payment("sale", "req-3", " ", "51", "INSUFFICIENT FUNDS", "failed", null),
                new ChargeAnswer.Card("411111******1111", "CREDIT", "BANK", "VISA", "tok-3"));
        TransactionNews news = DokuStatuses.news(answer.report());
        assertEquals(Kind.SALE, news.kind());
        assertEquals(Outcome.DECLINED, news.outcome());
        assertEquals(new TransactionNews.Decline("51", "INSUFFICIENT FUNDS"), news.decline());
        assertNull(news.authorizeId(), "a blank authorize_id is none");
        assertEquals(new TransactionNews.Card("411111******1111", "VISA", "BANK", "CREDIT", "tok-3"), news.card());
        assertTrue(news.amount() == 5000L);
    }

    private static TransactionReport report(String status, String type, String responseCode, String refundType) {
        return new TransactionReport("INV-1", 1000L, type, status, null, null, null, null, null, null, "A9",
                responseCode, "message " + status, null, null, refundType);
    }
}
