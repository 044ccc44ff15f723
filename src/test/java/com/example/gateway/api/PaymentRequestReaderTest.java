package com.example.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.payment.NewPayment;
import com.example.gateway.payment.PaymentFlow;
import com.example.gateway.payment.PaymentType;
import com.example.gateway.webhook.AllowedHosts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PaymentRequestReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The hosts override_notification_url may name in these tests. */
    private static final AllowedHosts NOTIFICATION_HOSTS = new AllowedHosts(List.of("hooks.example.com"));

    private static final String FULL_PAGE = """
            {
              "invoice_number": "INV-20261122-0001",
              "amount": 90000,
              "payment_type": "AUTHORIZE",
              "auto_capture": false,
              "line_items": [
                {"name": "T-shirt", "price": 30000, "quantity": 2},
                {"name": "Cap", "price": 30000, "quantity": 1}
              ],
              "customer": {"id": "CUST-0001", "name": "Budi Santoso", "email": "budi@example.co.id",
                           "phone": "628123456789", "address": "Jl. Sudirman 1, Jakarta", "country": "ID"},
              "callback_url": "https://shop.example.com/done",
              "failed_url": "http://shop.example.com/failed",
              "auto_redirect": true,
              "descriptor": "SHOP EXAMPLE",
              "card": {"save": true},
              "theme": {"language": "ID", "background_color": "FFFFFF", "font_color": "000000",
                        "button_background_color": "0a0B0c", "button_font_color": "ffffff"},
              "promos": [{"bin": "411111", "discount_amount": 10000}],
              "allow_bins": ["411111", "55733812"],
              "allow_tenors": [3, 6, 12],
              "disclaimer": {"id": "Syarat berlaku", "en": "Terms apply"},
              "override_notification_url": "https://hooks.example.com/doku"
            }
            """;

    private static final String CHARGE = """
            {
              "flow": "CHARGE",
              "invoice_number": "INV-20261122-0002",
              "amount": 150000,
              "card": {"number": "4111111111111111", "expiry": "1230", "cvv": "123"},
              "three_dsecure_authentication_id": "tds_7f1c2a0k3v9q2m7x1c5b8n4z"
            }
            """;

    // ---- valid requests

    @Test
    void readsAFullPaymentPageRequest() throws Exception {
        NewPayment payment = read(json(FULL_PAGE));

        assertEquals("INV-20261122-0001", payment.invoiceNumber());
        assertEquals(90000, payment.amount());
        assertEquals(PaymentFlow.PAYMENT_PAGE, payment.flow());
        assertEquals(PaymentType.AUTHORIZE, payment.paymentType());
        assertEquals(Boolean.FALSE, payment.autoCapture());
        assertEquals(List.of(new NewPayment.LineItem("T-shirt", 30000, 2), new NewPayment.LineItem("Cap", 30000, 1)),
                payment.lineItems());
        assertEquals(new NewPayment.Customer("CUST-0001", "Budi Santoso", "budi@example.co.id", "628123456789",
                "Jl. Sudirman 1, Jakarta", "ID"), payment.customer());
        assertEquals("https://shop.example.com/done", payment.callbackUrl());
        assertEquals("http://shop.example.com/failed", payment.failedUrl());
        assertTrue(payment.autoRedirect());
        assertEquals("SHOP EXAMPLE", payment.descriptor());
        assertEquals(new NewPayment.Card(null, null, null, null, true), payment.card());
        assertNull(payment.threeDSecureAuthenticationId());
        assertEquals(new NewPayment.Theme("ID", "FFFFFF", "000000", "0a0B0c", "ffffff"), payment.theme());
        assertEquals(List.of(new NewPayment.Promo("411111", 10000)), payment.promos());
        assertEquals(List.of("411111", "55733812"), payment.allowBins());
        assertEquals(List.of(3, 6, 12), payment.allowTenors());
        assertEquals(new NewPayment.Disclaimer("Syarat berlaku", "Terms apply"), payment.disclaimer());
        assertEquals("https://hooks.example.com/doku", payment.overrideNotificationUrl());
    }

    @Test
    void appliesDefaultsToAMinimalPaymentPageRequest() throws Exception {
        NewPayment payment = read(json("""
                {"invoice_number": "INV-1", "amount": 10000, "customer": {"phone": "6281234567"}}
                """));

        assertEquals(PaymentFlow.PAYMENT_PAGE, payment.flow());
        assertEquals(PaymentType.SALE, payment.paymentType());
        assertFalse(payment.autoRedirect());
        assertNull(payment.autoCapture());
        assertNull(payment.lineItems());
        assertNull(payment.promos());
        assertNull(payment.allowBins());
        assertNull(payment.allowTenors());
        assertNull(payment.card());
        assertNull(payment.theme());
        assertNull(payment.disclaimer());
        assertEquals("6281234567", payment.customer().phone());
    }

    @Test
    void readsAChargeWithCardData() throws Exception {
        NewPayment payment = read(json(CHARGE));

        assertEquals(PaymentFlow.CHARGE, payment.flow());
        assertEquals(PaymentType.SALE, payment.paymentType());
        assertEquals(new NewPayment.Card("4111111111111111", "1230", "123", null, false), payment.card());
        assertEquals("tds_7f1c2a0k3v9q2m7x1c5b8n4z", payment.threeDSecureAuthenticationId());
        assertNull(payment.customer());
    }

    @Test
    void readsAChargeWithASavedToken() throws Exception {
        ObjectNode body = json(CHARGE);
        body.putObject("card").put("token", "tok_abc");
        body.putObject("customer").put("id", "CUST-1");

        NewPayment payment = read(body);

        assertEquals(new NewPayment.Card(null, null, null, "tok_abc", false), payment.card());
        assertEquals("CUST-1", payment.customerId());
    }

    @Test
    void motoChargeNeedsNeitherCvvNorThreeDSecure() throws Exception {
        ObjectNode body = json(CHARGE);
        body.put("payment_type", "MOTO");
        body.remove("three_dsecure_authentication_id");
        card(body).remove("cvv");

        NewPayment payment = read(body);

        assertEquals(PaymentType.MOTO, payment.paymentType());
        assertNull(payment.card().cvv());
    }

    @Test
    void acceptsInstallmentWithAcquirerAndTenor() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.put("payment_type", "INSTALLMENT").put("acquirer", "BCA").put("tenor", 12).remove("auto_capture");

        NewPayment payment = read(body);

        assertEquals("BCA", payment.acquirer());
        assertEquals(12, payment.tenor());
    }

    // ---- every invalid field at once

    @Test
    void reportsEveryInvalidFieldAtOnce() throws Exception {
        Map<String, String> errors = errors(json("""
                {
                  "amount": "100",
                  "payment_type": "REFUND",
                  "tenor": 0,
                  "line_items": [
                    {"name": "ok", "price": 1000, "quantity": 1},
                    {"name": "bad", "price": 10.5, "quantity": 1}
                  ],
                  "customer": {"email": "not-an-email", "country": "XX"},
                  "callback_url": "ftp://files.example.com/x",
                  "descriptor": "THIS DESCRIPTOR IS FAR TOO LONG",
                  "theme": {"language": "FR", "font_color": "#FFFFFF"},
                  "allow_bins": ["12345"],
                  "allow_tenors": [3, "6"],
                  "surprise": true
                }
                """));

        assertEquals(Set.of("amount", "invoice_number", "payment_type", "tenor", "line_items[1].price",
                "customer.email", "customer.country", "callback_url", "descriptor", "theme.language",
                "theme.font_color", "allow_bins[0]", "allow_tenors[1]", "surprise"), errors.keySet());
        assertEquals("must be an integer", errors.get("amount"));
        assertEquals("is required", errors.get("invoice_number"));
        assertEquals("must be an integer", errors.get("line_items[1].price"));
        assertEquals("unknown field", errors.get("surprise"));
    }

    @Test
    void bodyMustBeAnObject() throws Exception {
        assertEquals(Map.of("body", "must be a JSON object"), errors(MAPPER.readTree("[1, 2]")));
        assertEquals(Map.of("body", "must be a JSON object"), errors(null));
    }

    // ---- money

    @Test
    void amountMustBeAWholePositiveNumberOfRupiah() throws Exception {
        for (String amount : List.of("100.5", "100.0", "1e3", "\"100\"", "0", "-100", "1000000000000", "true")) {
            ObjectNode body = json(FULL_PAGE);
            body.set("amount", MAPPER.readTree(amount));
            assertEquals(Set.of("amount"), errors(body).keySet(), amount);
        }
    }

    @Test
    void acceptsTheLargestAmount() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.put("amount", 999_999_999_999L).remove("line_items");

        assertEquals(999_999_999_999L, read(body).amount());
    }

    @Test
    void lineItemsMustAddUpToTheAmount() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.put("amount", 90001);

        assertEquals(Map.of("line_items", "the sum of price * quantity must equal amount"), errors(body));
    }

    /** Generated clients send [] for optional lists they were not given (issue 18): empty means none. */
    @Test
    void emptyOptionalListsMeanNone() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        for (String list : List.of("line_items", "promos", "allow_bins", "allow_tenors")) {
            body.putArray(list);
        }

        NewPayment payment = read(body);

        assertNull(payment.lineItems());
        assertNull(payment.promos());
        assertNull(payment.allowBins());
        assertNull(payment.allowTenors());
    }

    @Test
    void anOptionalListThatIsNotAnArrayIsStillRefused() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.put("allow_bins", "");
        body.putObject("line_items");

        assertEquals(Map.of("allow_bins", "must be an array", "line_items", "must be an array"), errors(body));
    }

    @Test
    void lineItemFieldsAreRequiredAndBounded() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.set("line_items", MAPPER.readTree("[{\"name\": \"\", \"quantity\": 10000}, 5]"));

        assertEquals(Set.of("line_items[0].name", "line_items[0].price", "line_items[0].quantity", "line_items[1]"),
                errors(body).keySet());
    }

    @Test
    void promoDiscountMustBeLessThanTheAmount() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.set("promos", MAPPER.readTree("[{\"bin\": \"411111\", \"discount_amount\": 90000}]"));

        assertEquals(Map.of("promos[0].discount_amount", "must be less than amount"), errors(body));
    }

    // ---- invoice number

    @Test
    void mandiriInvoiceNumberIsAtMost27Characters() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.put("acquirer", "BANK_MANDIRI").put("invoice_number", "X".repeat(28));
        assertEquals(Map.of("invoice_number", "must be 1 to 27 characters"), errors(body));

        body.put("invoice_number", "X".repeat(27));
        assertEquals("X".repeat(27), read(body).invoiceNumber());
    }

    @Test
    void otherInvoiceNumbersAreAtMost64PrintableCharacters() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.put("invoice_number", "X".repeat(64));
        assertEquals("X".repeat(64), read(body).invoiceNumber());

        body.put("invoice_number", "X".repeat(65));
        assertEquals(Set.of("invoice_number"), errors(body).keySet());

        body.put("invoice_number", "INV\n1");
        assertEquals(Set.of("invoice_number"), errors(body).keySet());
    }

    // ---- unknown fields

    @Test
    void rejectsUnknownTopLevelField() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.put("currency", "IDR");

        assertEquals(Map.of("currency", "unknown field"), errors(body));
    }

    @Test
    void rejectsUnknownNestedFields() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        ((ObjectNode) body.get("customer")).put("nickname", "budi");
        ((ObjectNode) body.get("line_items").get(1)).put("sku", "CAP-1");
        ((ObjectNode) body.get("theme")).put("logo", "x");

        assertEquals(Set.of("customer.nickname", "line_items[1].sku", "theme.logo"), errors(body).keySet());
    }

    // ---- payment type rules

    @Test
    void autoCaptureOnlyWithAuthorize() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.put("payment_type", "SALE");

        assertEquals(Set.of("auto_capture"), errors(body).keySet());
    }

    @Test
    void installmentNeedsAcquirerAndTenor() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.put("payment_type", "INSTALLMENT").remove("auto_capture");

        assertEquals(Set.of("acquirer", "tenor"), errors(body).keySet());
    }

    @Test
    void chargeAllowsOnlySaleMotoAndAuthorize() throws Exception {
        ObjectNode body = json(CHARGE);
        body.put("payment_type", "RECURRING");

        assertEquals(Map.of("payment_type", "must be one of SALE, MOTO, AUTHORIZE"), errors(body));
    }

    // ---- customer

    @Test
    void paymentPageNeedsEmailOrPhone() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        ObjectNode customer = (ObjectNode) body.get("customer");
        customer.remove("phone");
        assertEquals("budi@example.co.id", read(body).customer().email());

        customer.remove("email");
        assertEquals(Set.of("customer"), errors(body).keySet());

        body.remove("customer");
        assertEquals(Set.of("customer", "customer.id"), errors(body).keySet()); // card.save is true
    }

    @Test
    void chargeDoesNotNeedACustomer() throws Exception {
        assertNull(read(json(CHARGE)).customer());
    }

    @Test
    void customerIdIsRequiredToSaveACardOrUseAToken() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        ((ObjectNode) body.get("customer")).remove("id");
        assertEquals(Map.of("customer.id", "is required when a card is saved or a token is used"), errors(body));

        body.putObject("card").put("token", "tok_1");
        assertEquals(Set.of("customer.id"), errors(body).keySet());
    }

    @Test
    void checksCustomerFormats() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        ((ObjectNode) body.get("customer"))
                .put("id", "C".repeat(51))
                .put("email", "budi@localhost")
                .put("phone", "0812345678")
                .put("country", "id");

        assertEquals(Set.of("customer.id", "customer.email", "customer.phone", "customer.country"),
                errors(body).keySet());
    }

    // ---- URLs and booleans

    @Test
    void callbackUrlIsRequiredWithAutoRedirect() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.remove("callback_url");
        assertEquals(Map.of("callback_url", "is required when auto_redirect is true"), errors(body));

        body.put("auto_redirect", false);
        assertNull(read(body).callbackUrl());
    }

    @Test
    void booleansMustBeJsonBooleans() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.put("auto_redirect", "true").put("auto_capture", 1);

        assertEquals(Set.of("auto_redirect", "auto_capture"), errors(body).keySet());
    }

    @Test
    void urlsMustBeAbsoluteWithAHost() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.put("callback_url", "/relative/path")
                .put("failed_url", "javascript:alert(1)")
                .put("override_notification_url", "http://hooks.example.com/doku");

        assertEquals(Set.of("callback_url", "failed_url", "override_notification_url"), errors(body).keySet());
    }

    @Test
    void theNotificationUrlMustNameAnAllowedHost() throws Exception {
        for (String url : List.of("https://collector.example.net/doku", "https://hooks.example.com.evil.net/doku",
                "https://sub.hooks.example.com/doku", "https://169.254.169.254/latest")) {
            ObjectNode body = json(FULL_PAGE).put("override_notification_url", url);
            assertEquals(Map.of("override_notification_url", "must name a host the gateway allows for notifications"),
                    errors(body), url);
        }
        ObjectNode none = json(FULL_PAGE);
        assertThrows(ValidationException.class, () -> PaymentRequestReader.read(none, new AllowedHosts(List.of())),
                "no host configured: the field is refused");
    }

    // ---- card

    @Test
    void paymentPageRejectsCardData() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        card(body).put("number", "4111111111111111").put("expiry", "1230").put("cvv", "123");

        assertEquals(Map.of(
                "card.number", "is only allowed for the CHARGE flow",
                "card.expiry", "is only allowed for the CHARGE flow",
                "card.cvv", "is only allowed for the CHARGE flow"), errors(body));
    }

    @Test
    void rejectsALuhnInvalidCardNumber() throws Exception {
        ObjectNode body = json(CHARGE);
        card(body).put("number", "4111111111111112");

        assertEquals(Map.of("card.number", "is not a valid card number"), errors(body));
    }

    @Test
    void checksCardFormats() throws Exception {
        ObjectNode body = json(CHARGE);
        card(body).put("number", "4111 1111 1111 1111").put("expiry", "1330").put("cvv", "12");

        assertEquals(Set.of("card.number", "card.expiry", "card.cvv"), errors(body).keySet());
    }

    @Test
    void motoMustNotSendCvv() throws Exception {
        ObjectNode body = json(CHARGE);
        body.put("payment_type", "MOTO");
        body.remove("three_dsecure_authentication_id");

        assertEquals(Map.of("card.cvv", "must be absent for MOTO payments"), errors(body));
    }

    @Test
    void motoTakesNoThreeDSecureAndTheIdIsTheGateways() throws Exception {
        ObjectNode body = json(CHARGE);
        body.put("three_dsecure_authentication_id", "eb7e72313b491cd73ea10c6354bc9690");
        assertEquals(Map.of("three_dsecure_authentication_id", "must be the id of a 3-D Secure authentication (tds_...)"),
                errors(body));

        body.put("payment_type", "MOTO");
        card(body).remove("cvv");
        body.put("three_dsecure_authentication_id", "tds_7f1c2a0k3v9q2m7x1c5b8n4z");
        assertEquals(Map.of("three_dsecure_authentication_id", "must be absent for MOTO payments"), errors(body));
    }

    @Test
    void aSavedCardWithoutAnAuthenticationNeedsWhereTheCustomerReturns() throws Exception {
        ObjectNode body = json(CHARGE);
        body.remove("three_dsecure_authentication_id");
        body.set("card", json("{\"token\": \"tok-1\"}"));
        body.set("customer", json("{\"id\": \"CUST-1\"}"));
        assertEquals(Set.of("callback_url"), errors(body).keySet());

        body.put("callback_url", "https://shop.example.com/back");
        NewPayment payment = read(body);
        assertNull(payment.threeDSecureAuthenticationId());
        assertEquals("tok-1", payment.card().token());
    }

    @Test
    void chargeNeedsCvvCardAndThreeDSecure() throws Exception {
        ObjectNode body = json(CHARGE);
        card(body).remove("cvv");
        body.remove("three_dsecure_authentication_id");
        assertEquals(Set.of("card.cvv", "three_dsecure_authentication_id"), errors(body).keySet());

        body.remove("card");
        assertEquals(Set.of("card", "three_dsecure_authentication_id"), errors(body).keySet());
    }

    @Test
    void tokenCannotBeSentWithCardNumber() throws Exception {
        ObjectNode body = json(CHARGE);
        card(body).put("token", "tok_1");
        body.putObject("customer").put("id", "CUST-1");

        assertEquals(Set.of("card.number", "card.expiry", "card.cvv"), errors(body).keySet());
    }

    @Test
    void threeDSecureIdIsForChargesOnly() throws Exception {
        ObjectNode body = json(FULL_PAGE);
        body.put("three_dsecure_authentication_id", "tds_7f1c2a0k3v9q2m7x1c5b8n4z");

        assertEquals(Set.of("three_dsecure_authentication_id"), errors(body).keySet());
    }

    @Test
    void errorMessagesNeverContainCardData() throws Exception {
        ObjectNode charge = json(CHARGE);
        card(charge).put("number", "4111111111111112").put("expiry", "1399").put("cvv", "98765");
        ObjectNode page = json(FULL_PAGE);
        card(page).put("number", "4111111111111111").put("expiry", "1230").put("cvv", "837");
        ObjectNode typeErrors = json(CHARGE);
        card(typeErrors).put("number", 4111111111111111L).put("expiry", 1230).put("cvv", 837);

        for (ObjectNode body : List.of(charge, page, typeErrors)) {
            ValidationException e = assertThrows(ValidationException.class, () -> read(body));
            String everything = e.getMessage() + e.errors();
            for (String secret : List.of("4111111111111112", "4111111111111111", "1399", "98765", "1230", "837")) {
                assertFalse(everything.contains(secret), () -> "error output leaks card data: " + everything);
            }
            assertEquals(3, e.errors().size(), e::toString);
        }
    }

    // ---- helpers

    private static NewPayment read(JsonNode body) {
        return PaymentRequestReader.read(body, NOTIFICATION_HOSTS);
    }

    private static ObjectNode json(String text) throws JsonProcessingException {
        return (ObjectNode) MAPPER.readTree(text);
    }

    private static ObjectNode card(ObjectNode body) {
        return (ObjectNode) body.get("card");
    }

    /** The errors reported for the body, field to message. */
    private static Map<String, String> errors(JsonNode body) {
        ValidationException e = assertThrows(ValidationException.class, () -> read(body));
        return e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
    }
}
