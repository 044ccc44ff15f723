package com.example.gateway.flow;

import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.paymentPage;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.support.RawHttp;
import com.example.gateway.support.TestPorts;
import com.example.gateway.support.FreshEmulatorAndClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * {@code Server-Timing} on every answer of the API, errors included: the gateway's own time, and DOKU's
 * (every attempt summed) only when DOKU was called. The contract validator checks its syntax on every
 * exchange of every test (the header is required in the OpenAPI document); these tests check its meaning.
 */
@QuarkusTest
@FreshEmulatorAndClock
class ServerTimingTest {

    private static final Pattern METRIC = Pattern.compile("([a-z]+);dur=([0-9]+\\.[0-9]{3})");

    @Inject
    EmulatorClient emulator;

    @ConfigProperty(name = "quarkus.rest-client.doku.read-timeout")
    long dokuReadTimeoutMillis;

    @Test
    void aCreationThatCallsDokuHasBothTimes() {
        Map<String, Double> timing = timing(create(ORDERS, paymentPage(newInvoice(), 25000)).statusCode(201).extract());

        assertEquals(List.of("gateway", "doku"), List.copyOf(timing.keySet()));
        assertTrue(timing.get("doku") > 0, "DOKU took some time: " + timing);
    }

    @Test
    void aReadThatCallsNoDokuHasOnlyTheGatewaysTime() {
        String id = create(ORDERS, paymentPage(newInvoice(), 25000)).statusCode(201).extract().path("id");

        Map<String, Double> timing = timing(as(ORDERS).get("/v1/payments/" + id).then().statusCode(200).extract());

        assertEquals(List.of("gateway"), List.copyOf(timing.keySet()));
    }

    @Test
    void refusalsCarryItTooWithoutDoku() {
        int dokuCalls = emulator.requests().size();
        // Validation (400), no API key (401), an unknown payment (404), a bad media type (415).
        assertGatewayOnly(as(ORDERS).body("{\"amount\": 0}").post("/v1/payments").then().statusCode(400).extract());
        assertGatewayOnly(given().get("/v1/payments").then().statusCode(401).extract());
        assertGatewayOnly(as(ORDERS).get("/v1/payments/pay_doesnotexist000000000000").then().statusCode(404).extract());
        assertGatewayOnly(as(ORDERS).contentType("text/plain").body("x").post("/v1/payments").then().statusCode(415).extract());
        // The HTTP layer's own refusals, which the document lists only in general: over raw sockets.
        String auth = "Authorization: Bearer " + ORDERS;
        RawHttp.Answer tooLong = RawHttp.send(TestPorts.api(), "GET", "/v1/payments?x=" + "u".repeat(5000), List.of(auth), null);
        assertEquals(414, tooLong.status());
        assertEquals(List.of("gateway"), List.copyOf(timing(tooLong.headers().get("server-timing")).keySet()));
        RawHttp.Answer noRoute = RawHttp.send(TestPorts.api(), "GET", "/v1/no-such-thing", List.of(auth), null);
        assertEquals(404, noRoute.status());
        assertEquals(List.of("gateway"), List.copyOf(timing(noRoute.headers().get("server-timing")).keySet()));
        assertEquals(dokuCalls, emulator.requests().size(), "no DOKU call was made");
    }

    @Test
    void everyAttemptOfADokuCallCountsAsDokusTimeNotTheGateways() {
        // The first attempt's answer is held past the read timeout; the retry gets the original page.
        emulator.scriptFaults(EmulatorOperation.PAYMENT_PAGE, EmulatorFault.DELAY);

        Map<String, Double> timing = timing(create(ORDERS, paymentPage(newInvoice(), 26000)).statusCode(201).extract());

        assertTrue(emulator.requests(EmulatorOperation.PAYMENT_PAGE).size() >= 2, "retried");
        assertTrue(timing.get("doku") >= dokuReadTimeoutMillis, "the timed-out attempt counts: " + timing);
        assertTrue(timing.get("gateway") < timing.get("doku"), "and is not the gateway's own time: " + timing);
    }

    private static void assertGatewayOnly(ExtractableResponse<Response> answer) {
        assertEquals(List.of("gateway"), List.copyOf(timing(answer).keySet()));
    }

    private static Map<String, Double> timing(ExtractableResponse<Response> answer) {
        return timing(answer.header("Server-Timing"));
    }

    /** The header's metrics by name, in order; fails unless it is exactly a list of {@code name;dur=ms}. */
    private static Map<String, Double> timing(String header) {
        assertNotNull(header, "Server-Timing is present");
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String entry : header.split(", ")) {
            Matcher metric = METRIC.matcher(entry);
            assertTrue(metric.matches(), "a metric with a duration: " + header);
            metrics.put(metric.group(1), Double.parseDouble(metric.group(2)));
        }
        return metrics;
    }
}
