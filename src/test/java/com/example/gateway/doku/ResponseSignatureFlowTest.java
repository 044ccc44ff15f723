package com.example.gateway.doku;

import com.example.gateway.support.FreshEmulatorAndClock;
import com.example.gateway.support.TestPorts;
import static com.example.gateway.support.GatewayApi.ORDERS;
import static com.example.gateway.support.GatewayApi.as;
import static com.example.gateway.support.GatewayApi.charge;
import static com.example.gateway.support.GatewayApi.create;
import static com.example.gateway.support.GatewayApi.newInvoice;
import static com.example.gateway.support.GatewayApi.status;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.gateway.emulator.EmulatorClient;
import com.example.gateway.emulator.EmulatorOperation;
import com.example.gateway.emulator.EmulatorFault;
import com.example.gateway.emulator.ReceivedRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** DOKU's answers carry signatures; one that does not verify is treated as an answer that never came. */
@QuarkusTest
@FreshEmulatorAndClock
class ResponseSignatureFlowTest {

    static final String APPROVE = "4111111111111111";

    @Inject
    EmulatorClient emulator;

    @Test
    void aBadlySignedAnswerIsRetriedWithTheSameRequestIdAndTheSignedReplayTrusted() {
        double invalidBefore = signatures("invalid");
        double validBefore = signatures("valid");
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.BAD_RESPONSE_SIGNATURE);

        create(ORDERS, charge(newInvoice(), 50000, "SALE", APPROVE)).statusCode(201).body("status", equalTo("SUCCEEDED"));

        List<ReceivedRequest> calls = emulator.requests(EmulatorOperation.CHARGE);
        assertEquals(2, calls.size());
        assertEquals(calls.get(0).requestId(), calls.get(1).requestId());
        assertTrue(calls.get(1).replayed());
        assertEquals(1, emulator.effects(calls.get(0).requestId()), "charged once");
        assertEquals(invalidBefore + 1, signatures("invalid"));
        assertTrue(signatures("valid") >= validBefore + 1);
    }

    @Test
    void anAnswerThatNeverVerifiesLeavesTheOutcomeUnknownUntilReconciled() {
        String invoice = newInvoice();
        String id = create(ORDERS, charge(invoice, 90000, "AUTHORIZE", APPROVE)).statusCode(201)
                .body("status", equalTo("AUTHORIZED")).extract().path("id");
        emulator.scriptFaults(EmulatorOperation.CAPTURE, EmulatorFault.BAD_RESPONSE_SIGNATURE,
                EmulatorFault.BAD_RESPONSE_SIGNATURE, EmulatorFault.BAD_RESPONSE_SIGNATURE,
                EmulatorFault.BAD_RESPONSE_SIGNATURE);

        as(ORDERS).body("{}").post("/v1/payments/" + id + "/capture").then().statusCode(504)
                .body("code", equalTo("doku_timeout"));
        assertEquals("UNKNOWN", status(ORDERS, id));
        assertEquals(90000, emulator.transaction(invoice).orElseThrow().capturedAmount(), "DOKU did capture");

        as(ORDERS).post("/v1/payments/" + id + "/sync").then().statusCode(200)
                .body("status", equalTo("SUCCEEDED")).body("captured_amount", equalTo(90000));
    }

    @Test
    void anUnsignedProxyErrorIsCountedAbsentAndRetriedAsBefore() {
        double absentBefore = signatures("absent");
        emulator.scriptFaults(EmulatorOperation.CHARGE, EmulatorFault.HTTP_500);

        create(ORDERS, charge(newInvoice(), 50000, "SALE", APPROVE)).statusCode(201).body("status", equalTo("SUCCEEDED"));

        assertEquals(absentBefore + 1, signatures("absent"));
    }

    /** The counter's value from the management port's Prometheus page (0 before its first use). */
    private static double signatures(String result) {
        String page = given().port(TestPorts.management()).get("/q/metrics").then().statusCode(200).extract().asString();
        // With tracing on, a sample may end with an OpenMetrics exemplar (" # {trace_id=…} 1.0 …").
        Matcher value = Pattern.compile("^doku_response_signatures_total\\{result=\"" + result + "\"\\} (\\S+)(?: # .*)?$",
                Pattern.MULTILINE).matcher(page);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
