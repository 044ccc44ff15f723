package com.example.gateway.doku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.example.gateway.payment.provider.ChargeRequest;
import com.example.gateway.payment.provider.PaymentPageRequest;
import com.example.gateway.payment.provider.RequestParts;
import com.example.gateway.payment.provider.ThreeDSecureCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each DOKU body built from a port request, as the JSON DOKU's guides (cards-payment-page-guide.txt,
 * cards-charge-api.txt, NOTES.md) name its fields: a port field renamed, or one the mapping forgets,
 * changes a body and fails here. No Quarkus boot: the mapper is configured as application.properties
 * configures the application's ({@code quarkus.jackson.property-naming-strategy=SNAKE_CASE}).
 */
class DokuBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private static final String NUMBER = "5573381011111101";
    private static final String CVV = "123";

    private static final RequestParts.Order ORDER = new RequestParts.Order("INV-1", 90000,
            List.of(new RequestParts.LineItem("T-Shirt Red", 30000, 2), new RequestParts.LineItem("Polo Navy", 30000, 1)));
    private static final RequestParts.Customer CUSTOMER = new RequestParts.Customer("gw1-abc", "Anton Budiman",
            "anton@example.com", "6285694566147", "Menara Mulia Lantai 8", "ID");

    @Test
    void aPaymentPageCarriesEveryFieldUnderDokusName() {
        PaymentPageRequest page = new PaymentPageRequest(ORDER, CUSTOMER,
                new RequestParts.Card(null, null, null, "tok-1", true), "INSTALLMENT", false, "BNI", 12,
                "https://shop.example/ok", "https://shop.example/failed", true, "SHOP*ONE",
                new PaymentPageRequest.Overrides(
                        new PaymentPageRequest.Theme("ID", "#ffffff", "#000000", "#111111", "#222222"),
                        List.of(new PaymentPageRequest.Promo("557338", 5000)), List.of("557338", "411111"), List.of(3, 12)),
                new PaymentPageRequest.Disclaimer("Setuju", "Agreed"), "https://gw.example/v1/doku/notifications");

        assertBody("""
                {"order": {"amount": 90000, "invoice_number": "INV-1",
                           "callback_url": "https://shop.example/ok", "failed_url": "https://shop.example/failed",
                           "auto_redirect": true,
                           "line_items": [{"name": "T-Shirt Red", "price": 30000, "quantity": 2},
                                          {"name": "Polo Navy", "price": 30000, "quantity": 1}],
                           "descriptor": "SHOP*ONE"},
                 "customer": {"id": "gw1-abc", "name": "Anton Budiman", "email": "anton@example.com",
                              "phone": "6285694566147", "address": "Menara Mulia Lantai 8", "country": "ID"},
                 "card": {"token": "tok-1", "save": true},
                 "payment": {"type": "INSTALLMENT", "auto_capture": false, "acquirer": "BNI", "tenor": 12},
                 "override_configuration": {
                     "themes": {"language": "ID", "background_color": "#ffffff", "font_color": "#000000",
                                "button_background_color": "#111111", "button_font_color": "#222222"},
                     "promo": [{"bin": "557338", "discount_amount": 5000}],
                     "allow_bin": ["557338", "411111"], "allow_tenor": [3, 12]},
                 "additional_info": {"override_notification_url": "https://gw.example/v1/doku/notifications",
                                     "disclaimer": {"id": "Setuju", "en": "Agreed"}}}
                """, PaymentPageBody.from(page));
    }

    @Test
    void aPlainPaymentPageLeavesOutWhatWasNotAsked() {
        PaymentPageRequest page = new PaymentPageRequest(new RequestParts.Order("INV-2", 1000, null),
                new RequestParts.Customer(null, null, "a@example.com", null, null, null), null, "SALE", null, null, null,
                "https://shop.example/ok", null, false, null,
                new PaymentPageRequest.Overrides(new PaymentPageRequest.Theme(null, "#ffffff", null, null, null), null, null, null),
                null, null);

        assertBody("""
                {"order": {"amount": 1000, "invoice_number": "INV-2", "callback_url": "https://shop.example/ok",
                           "auto_redirect": false},
                 "customer": {"email": "a@example.com"},
                 "payment": {"type": "SALE"},
                 "override_configuration": {"themes": {"background_color": "#ffffff"}}}
                """, PaymentPageBody.from(page));
    }

    @Test
    void aChargeAfterThreeDSecureCarriesTheCardAndTheAuthentication() {
        ChargeRequest charge = new ChargeRequest(ORDER, CUSTOMER, new RequestParts.Card(NUMBER, "1225", CVV, null, true),
                "SALE", "eb7e72");

        assertBody("""
                {"order": {"amount": 90000, "invoice_number": "INV-1",
                           "line_items": [{"name": "T-Shirt Red", "price": 30000, "quantity": 2},
                                          {"name": "Polo Navy", "price": 30000, "quantity": 1}]},
                 "customer": {"id": "gw1-abc", "name": "Anton Budiman", "email": "anton@example.com",
                              "phone": "6285694566147", "address": "Menara Mulia Lantai 8", "country": "ID"},
                 "three_dsecure": {"authentication_id": "eb7e72"},
                 "payment": {"type": "SALE"},
                 "card": {"number": "5573381011111101", "expiry": "1225", "cvv": "123", "save": true}}
                """, ChargeBody.from(charge));
    }

    @Test
    void aMotoChargeByTokenHasNoThreeDSecure() {
        ChargeRequest charge = new ChargeRequest(new RequestParts.Order("INV-3", 5000, null), null,
                new RequestParts.Card(null, null, null, "tok-1", false), "MOTO", null);

        assertBody("""
                {"order": {"amount": 5000, "invoice_number": "INV-3"}, "payment": {"type": "MOTO"},
                 "card": {"token": "tok-1"}}
                """, ChargeBody.from(charge));
    }

    @Test
    void aThreeDSecureCheckOfACardCarriesNumberAndExpiryOnly() {
        ThreeDSecureCheck check = new ThreeDSecureCheck("INV-4", 90000, null,
                new RequestParts.Card(NUMBER, "1225", null, null, false),
                "https://gw.example/3ds/ok", "https://gw.example/3ds/failed");

        assertBody("""
                {"order": {"amount": 90000, "invoice_number": "INV-4"},
                 "card": {"number": "5573381011111101", "expiry": "1225"},
                 "three_dsecure": {"callback_url_success": "https://gw.example/3ds/ok",
                                   "callback_url_failed": "https://gw.example/3ds/failed"}}
                """, ThreeDSecureCheckBody.from(check));
    }

    @Test
    void aThreeDSecureCheckOfATokenNamesItsCustomer() {
        ThreeDSecureCheck check = new ThreeDSecureCheck("INV-5", 2000, "gw1-abc",
                new RequestParts.Card(null, null, null, "tok-1", false), "https://gw.example/ok", "https://gw.example/no");

        assertBody("""
                {"order": {"amount": 2000, "invoice_number": "INV-5"}, "customer": {"id": "gw1-abc"},
                 "card": {"token": "tok-1"},
                 "three_dsecure": {"callback_url_success": "https://gw.example/ok", "callback_url_failed": "https://gw.example/no"}}
                """, ThreeDSecureCheckBody.from(check));
    }

    @Test
    void bodiesWithCardDataNeverPrintIt() {
        RequestParts.Card card = new RequestParts.Card(NUMBER, "1225", CVV, null, false);
        String printed = ChargeBody.from(new ChargeRequest(ORDER, CUSTOMER, card, "SALE", "eb7e72")) + " "
                + ThreeDSecureCheckBody.from(new ThreeDSecureCheck("INV-6", 1, null, card, "u", "f")) + " "
                + BodyParts.Card.of(card);

        assertFalse(printed.contains(NUMBER) || printed.contains(CVV), printed);
    }

    private static void assertBody(String expected, Object body) {
        try {
            JsonNode actual = JSON.readTree(JSON.writeValueAsBytes(body));
            assertEquals(JSON.readTree(expected), actual);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
