package com.example.dokuemulator;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * How every DOKU API request goes through the emulator, in this order: a scripted request fault
 * (an HTTP error or a dropped connection, before anything is looked at), the Request-Id and signature
 * checks, the ledger (a Request-Id seen before gets its first answer back with 409 and no effect),
 * processing, then the answer, possibly delayed, lost or wrongly signed. A request fault is the
 * scripted one if any, else (in chaos mode) a random draw.
 */
@ApplicationScoped
class EmulatorExchange {

    private static final Logger LOG = Logger.getLogger(EmulatorExchange.class);

    private final DokuEmulator emulator;
    private final EmulatorSignatures signatures;
    private final EmulatorSettings settings;
    private final Clock clock;

    EmulatorExchange(DokuEmulator emulator, EmulatorSettings settings, EmulatorSignatures signatures, Clock clock) {
        this.emulator = emulator;
        this.signatures = signatures;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param body   the raw body bytes as received (the digest is taken over them), {@code null} for a GET
     * @param pathId the id at the end of the path (check status), else {@code null}
     */
    Uni<Response> handle(Operation operation, HttpServerRequest http, byte[] body, String pathId) {
        Instant now = clock.instant();
        String path = http.path(); // raw, as received: this is what the caller had to sign
        String requestId = http.getHeader("Request-Id");
        EmulatorFault fault = emulator.faults().nextForRequest(operation).orElse(null);
        String refusal = signatures.refusal(http.getHeader("Client-Id"), requestId,
                http.getHeader("Request-Timestamp"), http.getHeader("Signature"), path, body, now);
        Log log = new Log(now, operation, http.method().name(), path, requestId, refusal == null, fault,
                http.getHeader("traceparent"));

        if (fault != null && fault.httpStatus() != 0) {
            log.answered(fault.httpStatus(), null, false);
            return Uni.createFrom().item(faultAnswer(fault.httpStatus(), path, now, emulator.faults().retryAfter()));
        }
        if (fault == EmulatorFault.DROP_CONNECTION) {
            log.answered(0, null, false);
            return closeConnection(http);
        }
        if (requestId == null || requestId.isBlank() || requestId.length() > EmulatorSignatures.MAX_REQUEST_ID_LENGTH) {
            EmulatorRejection rejection = EmulatorRejection.invalidHeader(
                    "Request-Id is mandatory, at most " + EmulatorSignatures.MAX_REQUEST_ID_LENGTH + " characters");
            log.answered(rejection.status(), null, false);
            return Uni.createFrom().item(answer(rejection.status(), EmulatorJson.write(rejection.body()), requestId, path, now));
        }
        if (refusal != null) {
            LOG.warnf("DOKU emulator refuses %s %s (Request-Id %s): %s", operation, path, requestId, refusal);
            EmulatorRejection rejection = EmulatorRejection.invalidSignature();
            log.answered(rejection.status(), null, false);
            return Uni.createFrom().item(answer(rejection.status(), EmulatorJson.write(rejection.body()), requestId, path, now));
        }

        // The ledger keeps only the answer; the rest of a fresh outcome (notifications) is picked up here.
        Outcome[] processed = new Outcome[1];
        EmulatorLedger.Result result;
        try {
            result = emulator.ledger().answerOnce(requestId, () -> {
                Outcome outcome = emulator.process(operation, requestId, body, pathId);
                if (outcome.effect()) {
                    emulator.ledger().recordEffect(requestId);
                }
                processed[0] = outcome;
                return new EmulatorLedger.StoredAnswer(operation, outcome.status(), EmulatorJson.write(outcome.body()),
                        outcome.invoiceNumber());
            });
        } catch (RuntimeException bug) {
            // Not DOKU behaviour but an emulator bug: not kept in the ledger, so a retry is processed afresh.
            LOG.errorf(bug, "DOKU emulator failed on %s (Request-Id %s)", operation, requestId);
            log.answered(500, null, false);
            return Uni.createFrom().item(faultAnswer(500, path, now, null));
        }

        EmulatorLedger.StoredAnswer stored = result.answer();
        int status = result.replayed() ? 409 : stored.status();
        log.answered(fault == EmulatorFault.ANSWER_LOST ? 0 : status, stored.invoiceNumber(), result.replayed());
        if (processed[0] != null) {
            emulator.dispatch(processed[0].notifications());
        }
        if (fault == EmulatorFault.ANSWER_LOST) {
            return closeConnection(http);
        }
        Response response = answer(status, stored.body(), requestId, path, now, fault == EmulatorFault.BAD_RESPONSE_SIGNATURE);
        if (fault == EmulatorFault.DELAY) {
            return Uni.createFrom().item(response).onItem().delayIt().by(settings.delay());
        }
        return Uni.createFrom().item(response);
    }

    private Response answer(int status, String body, String requestId, String path, Instant now) {
        return answer(status, body, requestId, path, now, false);
    }

    /**
     * A JSON answer signed as DOKU signs its answers (Response-Timestamp in place of Request-Timestamp),
     * or with {@code wrongSignature} signed over other bytes than it carries, as a tampered answer would be.
     */
    private Response answer(int status, String body, String requestId, String path, Instant now, boolean wrongSignature) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] signedBytes = wrongSignature ? (body + " ").getBytes(StandardCharsets.UTF_8) : bytes;
        String timestamp = EmulatorSignatures.timestamp(now);
        Response.ResponseBuilder builder = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(bytes)
                .header("Client-Id", signatures.clientId())
                .header("Response-Timestamp", timestamp);
        if (requestId != null) {
            builder.header("Request-Id", requestId)
                    .header("Signature", signatures.signResponse(requestId, timestamp, path, signedBytes));
        }
        return builder.build();
    }

    /**
     * What a failing DOKU (or the proxy in front of it) answers: a generic body, no signature, and on
     * 429 and 503 the Retry-After currently set ({@code null}: none).
     */
    private static Response faultAnswer(int status, String path, Instant now, String retryAfter) {
        Response.Status reason = Response.Status.fromStatusCode(status);
        String body = EmulatorJson.write(EmulatorJson.object()
                .put("timestamp", EmulatorSignatures.timestamp(now))
                .put("status", String.valueOf(status))
                .put("error", reason == null ? "Error" : reason.getReasonPhrase())
                .put("path", path));
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if ((status == 429 || status == 503) && retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.build();
    }

    /**
     * Closes the TCP connection: the client sees it cut without an answer. The response returned
     * after that goes nowhere, which Vert.x tolerates.
     */
    private static Uni<Response> closeConnection(HttpServerRequest http) {
        http.connection().close();
        return Uni.createFrom().item(Response.serverError().build());
    }

    /** Records the request once its answer is known, and logs it (never a body: it may hold a card). */
    private final class Log {
        private final Instant receivedAt;
        private final Operation operation;
        private final String method;
        private final String path;
        private final String requestId;
        private final boolean signatureValid;
        private final EmulatorFault fault;
        private final String traceparent;

        Log(Instant receivedAt, Operation operation, String method, String path, String requestId,
                boolean signatureValid, EmulatorFault fault, String traceparent) {
            this.receivedAt = receivedAt;
            this.operation = operation;
            this.method = method;
            this.path = path;
            this.requestId = requestId;
            this.signatureValid = signatureValid;
            this.fault = fault;
            this.traceparent = traceparent;
        }

        void answered(int status, String invoiceNumber, boolean replayed) {
            emulator.record(new ReceivedRequest(receivedAt, clock.instant(), operation, method, path, requestId,
                    signatureValid, status, fault, invoiceNumber, replayed, traceparent));
            LOG.infof("DOKU emulator %s %s Request-Id=%s invoice=%s -> %s%s%s", operation, path, requestId,
                    invoiceNumber, status == 0 ? "connection closed" : String.valueOf(status),
                    fault == null ? "" : " [fault " + fault + "]", replayed ? " [replayed]" : "");
        }
    }
}
