package com.example.dokuemulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator as the card's issuer: check 3-D Secure, the challenge page, the callbacks, and charges
 * that take an authentication id once, for its card and amount, within its 15 minutes.
 */
@QuarkusTest
class ThreeDSecureTest {

    private static final String ENROLLED = "4111111111111111";
    private static final String NOT_ENROLLED = "4000000000000101";
    private static final String ISSUER_REFUSES = "4000000000003063";
    private static final String SUCCESS_URL = "https://shop.example.com/3ds/ok";
    private static final String FAILED_URL = "https://shop.example.com/3ds/failed";

    @BeforeEach
    void reset() {
        given().post("/control/reset").then().statusCode(204);
    }

    @Test
    void anEnrolledCardIsChallengedOnTheIssuersPageThenChargedOnce() {
        String invoice = invoice();
        ValidatableResponse check = check(card(ENROLLED), invoice, 90000).statusCode(200)
                .body("order.amount", equalTo(90000))
                .body("three_dsecure.enrollment_status", equalTo(true));
        String id = check.extract().path("three_dsecure.authentication_id");
        String url = check.extract().path("three_dsecure.authentication_url");
        String page = url.substring(url.indexOf("/3ds/"));

        charge(invoice, 90000, "SALE", card(ENROLLED), id).statusCode(400)
                .body("error.code", equalTo("3DS_AUTHENTICATION_FAILED"));
        given().get(page).then().statusCode(200)
                .body(containsString("3-D Secure verification"))
                .body(containsString("411111******1111"))
                .body(not(containsString(ENROLLED)))
                .body(containsString("IDR 90.000"));
        given().redirects().follow(false).formParam("authenticationId", id).formParam("result", "PASS")
                .post("/3ds/challenge").then().statusCode(303)
                .header("Location", equalTo(SUCCESS_URL + "?authenticationId=" + id + "&status=AUTHENTICATED"));

        charge(invoice, 90000, "SALE", card(ENROLLED), id).statusCode(200)
                .body("payment.status", equalTo("SUCCESS"))
                .body("three_dsecure.authentication_id", equalTo(id));
        charge(invoice(), 90000, "SALE", card(ENROLLED), id).statusCode(400)
                .body("error.code", equalTo("3DS_AUTHENTICATION_USED"));
        given().get(page).then().statusCode(200).body(containsString("already answered"));
    }

    @Test
    void aNotEnrolledCardGetsAnIdAtOnceAndNoChallenge() {
        String invoice = invoice();
        ValidatableResponse check = check(card(NOT_ENROLLED), invoice, 5000).statusCode(200)
                .body("three_dsecure.enrollment_status", equalTo(false))
                .body("three_dsecure.authentication_url", nullValue());
        charge(invoice, 5000, "AUTHORIZE", card(NOT_ENROLLED), check.extract().path("three_dsecure.authentication_id"))
                .statusCode(200).body("payment.status", equalTo("SUCCESS"));
    }

    @Test
    void aFailedOrAbandonedChallengeGoesToTheFailedCallbackAndItsIdChargesNothing() {
        for (String result : new String[] {"FAIL", "ABANDON"}) {
            String invoice = invoice();
            String id = check(card(ENROLLED), invoice, 7000).extract().path("three_dsecure.authentication_id");
            given().redirects().follow(false).formParam("authenticationId", id).formParam("result", result)
                    .post("/3ds/challenge").then().statusCode(303)
                    .header("Location", startsWith(FAILED_URL + "?authenticationId=" + id + "&status="));
            charge(invoice, 7000, "SALE", card(ENROLLED), id).statusCode(400)
                    .body("error.code", equalTo("3DS_AUTHENTICATION_FAILED"));
            given().get("/control/transactions/" + invoice).then().statusCode(404);
        }
    }

    @Test
    void theIssuerOfTheFailureCardRefusesEvenTheRightCode() {
        String id = check(card(ISSUER_REFUSES), invoice(), 7000).extract().path("three_dsecure.authentication_id");
        answer(id, "PASS").statusCode(200).body("redirect_url", startsWith(FAILED_URL));
        answer(id, "PASS").statusCode(409);
        answer("no-such-id", "PASS").statusCode(404);
    }

    @Test
    void anIdExpiresFifteenMinutesAfterItWasIssuedOnTheEmulatorsClock() {
        String invoice = invoice();
        String id = check(card(ENROLLED), invoice, 8000).extract().path("three_dsecure.authentication_id");
        answer(id, "PASS").statusCode(200).body("redirect_url", startsWith(SUCCESS_URL));
        given().contentType(ContentType.JSON).body("{\"offset\": \"PT15M\"}").put("/control/clock").then().statusCode(200);
        Merchant.post("/credit-card/charge", chargeBody(invoice, 8000, "SALE", card(ENROLLED), id), Duration.ofMinutes(15))
                .statusCode(400).body("error.code", equalTo("3DS_AUTHENTICATION_EXPIRED"));
    }

    @Test
    void anIdIsBoundToItsCardAndAmount() {
        String invoice = invoice();
        String id = check(card(ENROLLED), invoice, 9000).extract().path("three_dsecure.authentication_id");
        answer(id, "PASS").statusCode(200);
        charge(invoice, 9001, "SALE", card(ENROLLED), id).statusCode(400)
                .body("error.code", equalTo("3DS_AUTHENTICATION_MISMATCH"));
        charge(invoice, 9000, "SALE", card("5573381011111101"), id).statusCode(400)
                .body("error.code", equalTo("3DS_AUTHENTICATION_MISMATCH"));
        // Refusals use nothing up: the right card and amount still go through.
        charge(invoice, 9000, "SALE", card(ENROLLED), id).statusCode(200).body("payment.status", equalTo("SUCCESS"));
    }

    @Test
    void saleAndAuthorizeNeedAnIssuedIdMotoDoesNot() {
        charge(invoice(), 1000, "SALE", card(ENROLLED), null).statusCode(400)
                .body("error.code", equalTo("INVALID_PARAMETER"))
                .body("error.message", containsString("three_dsecure.authentication_id"));
        charge(invoice(), 1000, "AUTHORIZE", card(ENROLLED), "made-up").statusCode(400)
                .body("error.code", equalTo("3DS_AUTHENTICATION_NOT_FOUND"));
        charge(invoice(), 1000, "MOTO", "{\"number\": \"" + ENROLLED + "\", \"expiry\": \"1230\"}", null)
                .statusCode(200).body("payment.status", equalTo("SUCCESS"));
    }

    @Test
    void aSavedCardsTokenIsAuthenticatedAndChargedLikeItsCard() {
        String moto = """
                {"order": {"invoice_number": "%s", "amount": 1000}, "customer": {"id": "CUST-3DS"},
                 "payment": {"type": "MOTO"}, "card": {"number": "%s", "expiry": "1230", "save": true}}
                """.formatted(invoice(), ENROLLED);
        String token = Merchant.post("/credit-card/charge", moto).statusCode(200).extract().path("card.token");
        String invoice = invoice();
        String tokenCard = "{\"token\": \"" + token + "\"}";
        String id = check(tokenCard, invoice, 4000).statusCode(200)
                .body("three_dsecure.enrollment_status", equalTo(true))
                .extract().path("three_dsecure.authentication_id");
        answer(id, "PASS").statusCode(200);
        charge(invoice, 4000, "SALE", card(ENROLLED), id).statusCode(400)
                .body("error.code", equalTo("3DS_AUTHENTICATION_MISMATCH"));
        charge(invoice, 4000, "SALE", tokenCard, id).statusCode(200).body("payment.status", equalTo("SUCCESS"));
    }

    @Test
    void aCheckWithoutCallbacksOrWithABadCardIsRefused() {
        Merchant.post("/credit-card/check-three-d-secure", """
                {"order": {"invoice_number": "%s", "amount": 1000}, "card": %s}
                """.formatted(invoice(), card(ENROLLED))).statusCode(400)
                .body("error.message", containsString("callback_url_success"));
        check("{\"number\": \"4111\", \"expiry\": \"1230\"}", invoice(), 1000).statusCode(400)
                .body("error.message", containsString("card.number"));
    }

    private static ValidatableResponse check(String card, String invoice, long amount) {
        return Merchant.post("/credit-card/check-three-d-secure", """
                {"order": {"invoice_number": "%s", "amount": %d}, "customer": {"id": "CUST-3DS"}, "card": %s,
                 "three_dsecure": {"callback_url_success": "%s", "callback_url_failed": "%s"}}
                """.formatted(invoice, amount, card, SUCCESS_URL, FAILED_URL));
    }

    private static ValidatableResponse charge(String invoice, long amount, String type, String card, String id) {
        return Merchant.post("/credit-card/charge", chargeBody(invoice, amount, type, card, id));
    }

    private static String chargeBody(String invoice, long amount, String type, String card, String id) {
        return """
                {"order": {"invoice_number": "%s", "amount": %d}, "customer": {"id": "CUST-3DS"},
                 "payment": {"type": "%s"}, "card": %s%s}
                """.formatted(invoice, amount, type, card,
                id == null ? "" : ", \"three_dsecure\": {\"authentication_id\": \"" + id + "\"}");
    }

    private static ValidatableResponse answer(String id, String result) {
        return given().contentType(ContentType.JSON).body("{\"result\": \"" + result + "\"}")
                .post("/control/three-d-secure/" + id).then();
    }

    private static String card(String number) {
        return "{\"number\": \"" + number + "\", \"expiry\": \"1230\", \"cvv\": \"123\"}";
    }

    private static String invoice() {
        return "INV-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
