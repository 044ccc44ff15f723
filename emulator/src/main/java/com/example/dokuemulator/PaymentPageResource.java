package com.example.dokuemulator;

import io.quarkus.qute.TemplateInstance;
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
import java.util.List;
import java.util.Optional;

/**
 * The customer's side: the hosted payment page, its form and the 3-D Secure step. Not signed (a
 * browser calls it) and not part of {@link DokuEmulator#requests()}. Nothing the customer typed is
 * ever echoed back into a page.
 */
@Path("/pay")
@Produces(MediaType.TEXT_HTML)
public class PaymentPageResource {

    private static final List<TestCard> CARDS = List.of(TestCard.values());

    private final DokuEmulator emulator;
    private final String merchant;

    PaymentPageResource(DokuEmulator emulator, EmulatorSettings settings) {
        this.emulator = emulator;
        this.merchant = settings.merchantName();
    }

    @GET
    @Path("/{session}")
    public Response page(@PathParam("session") String session) {
        return emulator.page(session)
                .map(open -> open.transaction().status().equals(EmulatedTransaction.PENDING)
                        ? html(200, form(open, null))
                        : html(200, PageTemplates.result(view(open), "This payment page was already used.")))
                .orElseGet(() -> notFound(session));
    }

    /**
     * The card form's submit. A card whose issuer asks for 3-D Secure gets the challenge page first;
     * any other payment completes, notifies the gateway, waits for its answer and sends the browser on (303).
     */
    @POST
    @Path("/{session}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> pay(@PathParam("session") String session,
            @FormParam("card_number") String cardNumber,
            @FormParam("expiry") String expiry,
            @FormParam("cvv") String cvv,
            @FormParam("use_token") String useToken) {
        PageCardInput input = "true".equals(useToken)
                ? PageCardInput.savedCard()
                : new PageCardInput(cardNumber, expiry, cvv, false);
        Optional<DokuEmulator.Challenge> challenge;
        try {
            challenge = emulator.challengeFor(session, input);
        } catch (EmulatorRejection rejection) {
            return Uni.createFrom().item(refused(session, rejection));
        }
        if (challenge.isPresent()) {
            return Uni.createFrom().item(challengePage(session, challenge.get()));
        }
        return finish(session, emulator.payOnPage(session, input));
    }

    /** The 3-D Secure step's submit: whatever the code, the issuer's verdict stands. */
    @POST
    @Path("/{session}/3ds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> authenticate(@PathParam("session") String session, @FormParam("challenge") String challengeId) {
        return finish(session, emulator.completeChallenge(session, challengeId));
    }

    private Uni<Response> finish(String session, Uni<PagePaymentResult> payment) {
        return payment
                .map(result -> result.redirectUrl() != null
                        ? Response.seeOther(URI.create(result.redirectUrl())).build()
                        : html(200, PageTemplates.result(PageView.of(merchant, result.transaction()), null)))
                .onFailure(EmulatorRejection.class).recoverWithItem(failure -> refused(session, (EmulatorRejection) failure));
    }

    private Response challengePage(String session, DokuEmulator.Challenge challenge) {
        CardResult card = challenge.verdict().result();
        return emulator.page(session).map(open -> html(200, PageTemplates.challenge(view(open),
                        card.issuer(), card.masked(), challenge.id(), "/pay/" + challenge.session() + "/3ds")))
                .orElseGet(() -> notFound(session));
    }

    /** A 400 shows the form again with the reason in place; anything else shows the page's state. */
    private Response refused(String session, EmulatorRejection rejection) {
        return emulator.page(session)
                .map(open -> rejection.status() == 400
                        ? html(400, form(open, rejection.getMessage()))
                        : html(rejection.status(), PageTemplates.result(view(open), rejection.getMessage())))
                .orElseGet(() -> notFound(session));
    }

    private TemplateInstance form(DokuEmulator.OpenPage open, String error) {
        return PageTemplates.form(view(open), open.offeredCard().orElse(null), error, CARDS);
    }

    private PageView view(DokuEmulator.OpenPage open) {
        return PageView.of(merchant, open.transaction());
    }

    private static Response notFound(String session) {
        return html(404, PageTemplates.notFound(session));
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }
}
