package com.example.dokuemulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hosted payment page as a browser sees it: the form, errors in place, the 3-D Secure step. */
@QuarkusTest
class PaymentPageTest {

    private static final Pattern CHALLENGE = Pattern.compile("name=\"challenge\" value=\"([0-9a-f]+)\"");

    @BeforeEach
    void reset() {
        given().post("/control/reset").then().statusCode(204);
    }

    @Test
    void thePageShowsTheMerchantTheAmountTheFormAndTheTestCards() {
        String invoice = invoice();
        given().get(Merchant.openPage(invoice, 90000)).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Demo Merchant"))
                .body(containsString("IDR 90.000"))
                .body(containsString(invoice))
                .body(containsString("name=\"card_number\""))
                .body(containsString("4000000000003063"))
                .body(containsString("fails 3-D Secure"));
    }

    @Test
    void textFromTheMerchantIsEscaped() {
        String invoice = "INV-<b>x</b>&" + UUID.randomUUID().toString().substring(0, 8);
        given().get(Merchant.openPage(invoice, 1000)).then().statusCode(200)
                .body(not(containsString("<b>x</b>")))
                .body(containsString("INV-&lt;b&gt;x&lt;/b&gt;&amp;"));
    }

    @Test
    void aMalformedCardIsRefusedInPlaceWithoutEchoingIt() {
        String page = Merchant.openPage(invoice(), 1000);
        pay(page, "4111-11", "1230", "123").statusCode(400)
                .body(containsString("role=\"alert\""))
                .body(containsString("card.number must be 12 to 19 digits"))
                .body(not(containsString("4111-11")));
        given().get(page).then().statusCode(200).body(containsString("name=\"card_number\""));
    }

    @Test
    void anApprovedCardCompletesThePageAndRedirectsToTheCallback() {
        String invoice = invoice();
        String page = Merchant.openPage(invoice, 5000);
        pay(page, "4111111111111111", "1230", "123").statusCode(303)
                .header("Location", equalTo("https://shop.example.com/done"));
        given().get("/control/transactions/" + invoice).then().body("status", equalTo("SUCCESS"));
        given().get(page).then().statusCode(200).body(containsString("already used"));
    }

    @Test
    void theThreeDSecureFailureCardGoesThroughTheChallengeAndFails() {
        String invoice = invoice();
        String page = Merchant.openPage(invoice, 7000);
        String challengePage = pay(page, "4000000000003063", "1230", "123").statusCode(200)
                .body(containsString("3-D Secure verification"))
                .body(containsString("400000******3063"))
                .body(not(containsString("4000000000003063")))
                .extract().asString();
        given().get("/control/transactions/" + invoice).then().body("status", equalTo("PENDING"));

        Matcher challenge = CHALLENGE.matcher(challengePage);
        assertTrue(challenge.find(), "the challenge form carries its id");
        given().redirects().follow(false).formParam("challenge", challenge.group(1)).formParam("otp", "123456")
                .post(page + "/3ds").then().statusCode(303)
                .header("Location", equalTo("https://shop.example.com/failed"));
        given().get("/control/transactions/" + invoice).then()
                .body("status", equalTo("FAILED")).body("response_code", equalTo("3DS_FAILED"));
    }

    @Test
    void anUnknownChallengeIsRefusedAndThePageStaysPending() {
        String invoice = invoice();
        String page = Merchant.openPage(invoice, 7000);
        given().formParam("challenge", "nope").post(page + "/3ds").then().statusCode(400)
                .body(containsString("expired"));
        given().get("/control/transactions/" + invoice).then().body("status", equalTo("PENDING"));
    }

    @Test
    void anUnknownPageIsNotFound() {
        given().get("/pay/<script>").then().statusCode(404).body(not(containsString("<script>")));
    }

    private static ValidatableResponse pay(String page, String number, String expiry, String cvv) {
        return given().redirects().follow(false)
                .formParam("card_number", number).formParam("expiry", expiry).formParam("cvv", cvv)
                .post(page).then();
    }

    private static String invoice() {
        return "INV-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
