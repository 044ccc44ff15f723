package com.example.dokuemulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A thin control panel over {@link DokuEmulator} for developers (curl, dev mode). Unsigned: it is
 * not part of DOKU's API and exists only in development and test builds.
 */
@Path("/control")
@Produces(MediaType.APPLICATION_JSON)
public class EmulatorControlResource {

    private final DokuEmulator emulator;

    EmulatorControlResource(DokuEmulator emulator) {
        this.emulator = emulator;
    }

    /** {@code {"operation":"CHARGE","faults":["HTTP_503","DELAY"]}}; answers what is queued now. */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response scriptFaults(JsonNode script) {
        Operation operation;
        List<EmulatorFault> faults = new ArrayList<>();
        try {
            operation = Operation.valueOf(script.path("operation").asText());
            script.path("faults").forEach(fault -> faults.add(EmulatorFault.valueOf(fault.asText())));
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Map.of("error",
                    "expected {\"operation\": one of " + List.of(Operation.values())
                            + ", \"faults\": [any of " + List.of(EmulatorFault.values()) + "]}")).build();
        }
        emulator.scriptFaults(operation, faults.toArray(EmulatorFault[]::new));
        return Response.ok(Map.of("operation", operation, "pending", emulator.pendingFaults(operation))).build();
    }

    /**
     * {@code {"seed": 42, "rate": 0.3, "faults": ["HTTP_503", ...], "operations": ["CHARGE", ...]}}: random
     * faults from now on (see {@link DokuEmulator#chaos}). {@code faults} and {@code operations} default
     * to all; rate 0 turns the mode off. Answers the settings in force.
     */
    @POST
    @Path("/chaos")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response chaos(JsonNode request) {
        Set<EmulatorFault> faults = EnumSet.noneOf(EmulatorFault.class);
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        try {
            if (!request.path("rate").isNumber() || (request.has("seed") && !request.get("seed").canConvertToLong())) {
                throw new IllegalArgumentException("rate must be a number and seed an integer");
            }
            request.path("faults").forEach(fault -> faults.add(EmulatorFault.valueOf(fault.asText())));
            request.path("operations").forEach(operation -> operations.add(Operation.valueOf(operation.asText())));
            emulator.chaos(request.path("seed").asLong(0),
                    request.get("rate").asDouble(),
                    request.has("faults") ? faults : EnumSet.allOf(EmulatorFault.class),
                    request.has("operations") ? operations : EnumSet.allOf(Operation.class));
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Map.of("error", "expected {\"seed\": integer, \"rate\": 0..1, "
                    + "\"faults\": [any of " + List.of(EmulatorFault.values()) + "], \"operations\": [any of "
                    + List.of(Operation.values()) + "]}: " + e.getMessage())).build();
        }
        return chaosSettings();
    }

    /** The chaos settings in force, or {@code {"rate": 0}} when the mode is off. */
    @GET
    @Path("/chaos")
    public Response chaosSettings() {
        return emulator.chaosSettings().map(settings -> Response.ok(settings).build())
                .orElseGet(() -> Response.ok(Map.of("rate", 0)).build());
    }

    @DELETE
    @Path("/chaos")
    public Response stopChaos() {
        emulator.stopChaos();
        return Response.noContent().build();
    }

    /** {@code {"value": "3"}} (delta-seconds or an HTTP-date), or {@code {"value": null}} for no header. */
    @POST
    @Path("/retry-after")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response retryAfter(JsonNode request) {
        JsonNode value = request.path("value");
        if (!value.isTextual() && !value.isNull()) {
            return Response.status(400).entity(Map.of("error", "expected {\"value\": \"<seconds or HTTP-date>\" or null}")).build();
        }
        emulator.retryAfter(value.isNull() ? null : value.asText());
        Map<String, String> answer = new HashMap<>();
        answer.put("value", value.isNull() ? null : value.asText());
        return Response.ok(answer).build();
    }

    /**
     * {@code {"offset": "PT31M"}}: the emulator's time runs that far ahead of real time from now on
     * (until reset), as a merchant's test moves its own clock. Answers the emulator's time.
     */
    @PUT
    @Path("/clock")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response clock(JsonNode request) {
        Duration offset;
        try {
            offset = Duration.parse(request.path("offset").asText());
        } catch (DateTimeParseException e) {
            return Response.status(400).entity(Map.of("error", "expected {\"offset\": \"<ISO-8601 duration>\"}")).build();
        }
        return Response.ok(Map.of("offset", offset.toString(), "now", emulator.clockOffset(offset).toString())).build();
    }

    /** Every Request-Id answered (with its effects) and every transaction's amounts. */
    @GET
    @Path("/ledger")
    public LedgerReadout ledger() {
        return emulator.ledgerReadout();
    }

    @GET
    @Path("/requests")
    public List<ReceivedRequest> requests() {
        return emulator.requests();
    }

    @GET
    @Path("/notifications")
    public List<SentNotification> notifications() {
        return emulator.notifications();
    }

    /** Sends a stored notification again (see {@link DokuEmulator#resendNotification}). */
    @POST
    @Path("/notifications/{requestId}/resend")
    public Uni<Response> resend(@PathParam("requestId") String requestId) {
        return emulator.resendNotification(requestId)
                .map(status -> Response.ok(Map.of("gateway_status", status)).build())
                .onFailure(NoSuchElementException.class)
                .recoverWithItem(failure -> Response.status(404).entity(Map.of("error", failure.getMessage())).build());
    }

    /** Delivers every held notification now, the last held first: {@code {"released": [...]}}. */
    @POST
    @Path("/notifications/release-held")
    public Uni<Map<String, List<SentNotification>>> releaseHeld() {
        return emulator.releaseHeldNotifications().map(released -> Map.of("released", released));
    }

    /** {@code {"status": "EXPIRED"}} (or TIMEOUT, REDIRECT): what check status reports from now on. */
    @POST
    @Path("/transactions/{invoice}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response forceStatus(@PathParam("invoice") String invoiceNumber, JsonNode request) {
        try {
            return Response.ok(emulator.forceStatus(invoiceNumber, request.path("status").asText())).build();
        } catch (NoSuchElementException e) {
            return Response.status(404).entity(Map.of("error", e.getMessage())).build();
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Map.of("error", e.getMessage())).build();
        } catch (IllegalStateException e) {
            return Response.status(409).entity(Map.of("error", e.getMessage())).build();
        }
    }

    @GET
    @Path("/transactions/{id}")
    public Response transaction(@PathParam("id") String invoiceOrRequestId) {
        return emulator.transaction(invoiceOrRequestId)
                .map(t -> Response.ok(t).build())
                .orElseGet(() -> Response.status(404).build());
    }

    /**
     * Pays a payment page as a customer would, without a browser (and without the 3-D Secure page):
     * {@code {"card_number": "4111111111111111"}} with optional {@code expiry} (MMYY, default two years
     * ahead) and {@code cvv} (default 123), or {@code {"saved_card": true}} for the card the page offers.
     * Answers once the gateway has answered the notification: the transaction, the redirect and the
     * notification deliveries.
     */
    @POST
    @Path("/pay/{sessionOrInvoice}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> pay(@PathParam("sessionOrInvoice") String sessionOrInvoice, JsonNode request) {
        Uni<PagePaymentResult> payment;
        if (request.path("saved_card").asBoolean(false)) {
            payment = emulator.payWithSavedCard(sessionOrInvoice);
        } else if (request.path("card_number").isTextual()) {
            String cardNumber = request.get("card_number").asText();
            payment = request.has("expiry")
                    ? emulator.pay(sessionOrInvoice, cardNumber, request.get("expiry").asText(), request.path("cvv").asText("123"))
                    : emulator.pay(sessionOrInvoice, cardNumber);
        } else {
            return Uni.createFrom().item(Response.status(400).entity(Map.of("error",
                    "expected {\"card_number\": \"…\", \"expiry\": \"MMYY\", \"cvv\": \"123\"} or {\"saved_card\": true}")).build());
        }
        return payment.map(result -> Response.ok(result).build())
                .onFailure(EmulatorRejection.class).recoverWithItem(failure -> Response
                        .status(((EmulatorRejection) failure).status())
                        .entity(Map.of("error", failure.getMessage())).build());
    }

    /**
     * Answers an issuer's 3-D Secure challenge as the cardholder would on its page, without a browser:
     * {@code {"result": "PASS"}} (or FAIL, ABANDON). Answers {@code {"redirect_url": "…"}}, the callback
     * URL (with its query) the browser would now be sent to; 404 for an unknown id, 409 when already answered.
     */
    @POST
    @Path("/three-d-secure/{authenticationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response answerThreeDSecure(@PathParam("authenticationId") String authenticationId, JsonNode request) {
        ChallengeResult result;
        try {
            result = ChallengeResult.valueOf(request.path("result").asText());
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Map.of("error",
                    "expected {\"result\": one of " + List.of(ChallengeResult.values()) + "}")).build();
        }
        try {
            return Response.ok(Map.of("redirect_url", emulator.answerThreeDSecure(authenticationId, result))).build();
        } catch (EmulatorRejection rejection) {
            return Response.status(rejection.status()).entity(Map.of("error", rejection.getMessage())).build();
        }
    }

    @POST
    @Path("/reset")
    public Response reset() {
        emulator.reset();
        return Response.noContent().build();
    }

    @POST
    @Path("/settle/{invoice}")
    public Response settle(@PathParam("invoice") String invoiceNumber) {
        try {
            emulator.settle(invoiceNumber);
            return Response.noContent().build();
        } catch (NoSuchElementException e) {
            return Response.status(404).entity(Map.of("error", e.getMessage())).build();
        }
    }
}
