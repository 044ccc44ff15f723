package com.example.gateway.emulator;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The customer's side: the hosted payment page and its form. Not signed (a browser calls it) and not
 * part of {@link DokuEmulator#requests()}.
 */
@Path("/doku-emulator/pay")
@IfBuildProfile(anyOf = {"dev", "test"})
public class PaymentPageResource {

    private final DokuEmulator emulator;

    PaymentPageResource(DokuEmulator emulator) {
        this.emulator = emulator;
    }

    @GET
    @Path("/{session}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("session") String session) {
        return emulator.page(session)
                .map(view -> view.transaction().status().equals(EmulatedTransaction.PENDING)
                        ? html(200, PaymentPageHtml.form(view.transaction(), view.offeredCard(), null))
                        : html(200, PaymentPageHtml.result(view.transaction(), "This payment page was already used.")))
                .orElseGet(() -> html(404, PaymentPageHtml.notFound(session)));
    }

    /** Pays, notifies the gateway and waits for its answer, then sends the browser on (303). */
    @POST
    @Path("/{session}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> pay(@PathParam("session") String session,
            @FormParam("card_number") String cardNumber,
            @FormParam("expiry") String expiry,
            @FormParam("cvv") String cvv,
            @FormParam("use_token") String useToken) {
        PageCardInput input = "true".equals(useToken)
                ? PageCardInput.savedCard()
                : new PageCardInput(cardNumber, expiry, cvv, false);
        return emulator.payOnPage(session, input)
                .map(result -> result.redirectUrl() != null
                        ? Response.seeOther(URI.create(result.redirectUrl())).build()
                        : html(200, PaymentPageHtml.result(result.transaction(), null)))
                .onFailure(EmulatorRejection.class).recoverWithItem(failure -> refused(session, (EmulatorRejection) failure));
    }

    private Response refused(String session, EmulatorRejection rejection) {
        return emulator.page(session)
                .map(view -> rejection.status() == 400
                        ? html(400, PaymentPageHtml.form(view.transaction(), view.offeredCard(), rejection.getMessage()))
                        : html(rejection.status(), PaymentPageHtml.result(view.transaction(), rejection.getMessage())))
                .orElseGet(() -> html(404, PaymentPageHtml.notFound(session)));
    }

    private static Response html(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
