package com.example.gateway.doku;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Answers signed as DOKU signs them (Response-Timestamp, the request's path, the answer's digest). */
class ResponseSignatureCheckTest {

    private static final String CLIENT_ID = "MCH-0001";
    private static final String TIMESTAMP = "2026-11-23T15:00:00Z";
    private static final String TARGET = "/credit-card/charge";
    private static final byte[] BODY = "{\"order\":{\"invoice_number\":\"INV-1\"}}".getBytes(StandardCharsets.UTF_8);

    private final DokuSigner signer = new DokuSigner(CLIENT_ID, "unit-test-secret-key");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ResponseSignatureCheck check = new ResponseSignatureCheck(signer, new DokuCallMetrics(meters), true);

    @Test
    void anAnswerSignedForOurRequestIsValid() {
        assertEquals(ResponseSignatureCheck.Verdict.VALID, check.check("req-1", TARGET, signed("req-1", CLIENT_ID), BODY));
        assertEquals(1.0, count("valid"));
    }

    @Test
    void anotherBodyRequestIdTargetOrClientIdIsInvalid() {
        Response answer = signed("req-1", CLIENT_ID);
        assertEquals(ResponseSignatureCheck.Verdict.INVALID,
                check.check("req-1", TARGET, answer, "{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ResponseSignatureCheck.Verdict.INVALID, check.check("req-2", TARGET, answer, BODY));
        assertEquals(ResponseSignatureCheck.Verdict.INVALID, check.check("req-1", "/credit-card/capture", answer, BODY));
        assertEquals(ResponseSignatureCheck.Verdict.INVALID, check.check("req-1", TARGET, signed("req-1", "MCH-OTHER"), BODY));
        assertEquals(4.0, count("invalid"));
    }

    @Test
    void aRequestStyleSignatureIsNotAnAnswerSignature() {
        Response answer = Response.ok().header("Client-Id", CLIENT_ID).header("Response-Timestamp", TIMESTAMP)
                .header("Signature", signer.sign("req-1", TIMESTAMP, TARGET, BODY)).build();
        assertEquals(ResponseSignatureCheck.Verdict.INVALID, check.check("req-1", TARGET, answer, BODY));
    }

    @Test
    void anUnsignedAnswerIsAbsentAndNothingIsCheckedWhenSwitchedOff() {
        assertEquals(ResponseSignatureCheck.Verdict.ABSENT, check.check("req-1", TARGET, Response.status(502).build(), BODY));
        ResponseSignatureCheck off = new ResponseSignatureCheck(signer, new DokuCallMetrics(meters), false);
        assertEquals(ResponseSignatureCheck.Verdict.NOT_CHECKED,
                off.check("req-1", TARGET, signed("req-2", "MCH-OTHER"), BODY));
        assertEquals(1.0, count("absent"));
        assertEquals(1.0, count("not_checked"));
    }

    private Response signed(String requestId, String clientId) {
        DokuSigner theirs = new DokuSigner(clientId, "unit-test-secret-key");
        return Response.ok().header("Client-Id", clientId).header("Request-Id", requestId)
                .header("Response-Timestamp", TIMESTAMP)
                .header("Signature", theirs.signatureOf(theirs.responseStringToSign(requestId, TIMESTAMP, TARGET, BODY)))
                .build();
    }

    private double count(String result) {
        return meters.get("doku.response.signatures").tag("result", result).counter().count();
    }
}
