package com.example.gateway.emulator;

import com.example.gateway.doku.DokuOperation;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A thin control panel over {@link DokuEmulator} for developers (curl, dev mode). Unsigned: it is
 * not part of DOKU's API and exists only in development and test builds.
 */
@Path("/doku-emulator/control")
@IfBuildProfile(anyOf = {"dev", "test"})
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
        DokuOperation operation;
        List<EmulatorFault> faults = new ArrayList<>();
        try {
            operation = DokuOperation.valueOf(script.path("operation").asText());
            script.path("faults").forEach(fault -> faults.add(EmulatorFault.valueOf(fault.asText())));
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Map.of("error",
                    "expected {\"operation\": one of " + List.of(DokuOperation.values())
                            + ", \"faults\": [any of " + List.of(EmulatorFault.values()) + "]}")).build();
        }
        emulator.scriptFaults(operation, faults.toArray(EmulatorFault[]::new));
        return Response.ok(Map.of("operation", operation, "pending", emulator.pendingFaults(operation))).build();
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

    @GET
    @Path("/transactions/{id}")
    public Response transaction(@PathParam("id") String invoiceOrRequestId) {
        return emulator.transaction(invoiceOrRequestId)
                .map(t -> Response.ok(t).build())
                .orElseGet(() -> Response.status(404).build());
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
