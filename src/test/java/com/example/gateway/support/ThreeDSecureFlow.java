package com.example.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * 3-D Secure as a test runs it without a browser: the gateway's {@code POST /v1/three-d-secure}, the
 * customer's answer to the issuer's challenge (the emulator's control API, the same code path as its
 * page), and the browser's return to the gateway. Every exchange with the gateway is RestAssured's, so
 * the contract checks it.
 */
public final class ThreeDSecureFlow {

    public static final String RETURN_URL = "https://shop.example.com/3ds/done";
    public static final String FAILED_URL = "https://shop.example.com/3ds/failed";

    private static final Pattern AUTHENTICATION_ID = Pattern.compile("[?&]authenticationId=([0-9a-zA-Z]+)");

    private ThreeDSecureFlow() {
    }

    /** An authentication for a card number, passed by its customer: its id pays one SALE or AUTHORIZE of {@code amount}. */
    public static String authenticated(String apiKey, String invoice, long amount, String cardNumber) {
        var created = GatewayApi.as(apiKey).body(request(invoice, amount, cardNumber)).post("/v1/three-d-secure")
                .then().statusCode(201).extract();
        String id = created.path("id");
        String url = created.path("authentication_url");
        if (url != null) {
            followReturn(answerChallenge(url, "PASS"));
        }
        return id;
    }

    /** The body of {@code POST /v1/three-d-secure} for a card number. */
    public static String request(String invoice, long amount, String cardNumber) {
        return """
                {"invoice_number": "%s", "amount": %d, "card": {"number": "%s", "expiry": "1230"},
                 "return_url": "%s", "failed_url": "%s"}
                """.formatted(invoice, amount, cardNumber, RETURN_URL, FAILED_URL);
    }

    /**
     * The customer answers the issuer's challenge behind {@code authenticationUrl} with PASS, FAIL or
     * ABANDON; answers where the issuer sends the browser (the gateway's return URL).
     */
    public static String answerChallenge(String authenticationUrl, String result) {
        Matcher id = AUTHENTICATION_ID.matcher(authenticationUrl);
        if (!id.find()) {
            throw new AssertionError("no authenticationId in " + authenticationUrl);
        }
        return given().baseUri(emulatorUrl()).contentType(ContentType.JSON).body("{\"result\": \"" + result + "\"}")
                .post("/control/three-d-secure/" + id.group(1))
                .then().statusCode(200).extract().path("redirect_url");
    }

    /** The browser's return to the gateway: answers where the gateway sends it on (the caller's URL). */
    public static String followReturn(String gatewayReturnUrl) {
        URI uri = URI.create(gatewayReturnUrl);
        return given().redirects().follow(false).urlEncodingEnabled(false)
                .get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .then().statusCode(303).extract().header("Location");
    }

    private static String emulatorUrl() {
        return ConfigProvider.getConfig().getValue("doku.base-url", String.class);
    }
}
