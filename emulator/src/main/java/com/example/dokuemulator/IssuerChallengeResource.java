package com.example.dokuemulator;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The issuer's 3-D Secure challenge page behind {@code authentication_url}: the customer's browser is
 * sent here between check 3-D Secure and the charge, and leaves by a 303 to the merchant's
 * {@code callback_url_success} or {@code callback_url_failed}. Unsigned, as a browser calls it.
 */
@Path("/3ds/challenge")
@Produces(MediaType.TEXT_HTML)
public class IssuerChallengeResource {

    private final DokuEmulator emulator;
    private final String merchant;

    IssuerChallengeResource(DokuEmulator emulator, EmulatorSettings settings) {
        this.emulator = emulator;
        this.merchant = settings.merchantName();
    }

    @GET
    public Response page(@QueryParam("authenticationId") String authenticationId) {
        return emulator.authentication(authenticationId)
                .map(a -> html(200, PageTemplates.issuerChallenge(PageView.of(merchant, a), a.issuer(), a.id(),
                        a.status() == ThreeDSecureAuthentication.Status.PENDING ? null
                                : "This 3-D Secure challenge was already answered.")))
                .orElseGet(() -> html(404, PageTemplates.notFound(authenticationId)));
    }

    /** The cardholder's answer: the browser goes on to the merchant's success or failure callback. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@FormParam("authenticationId") String authenticationId, @FormParam("result") String result) {
        ChallengeResult answer;
        try {
            answer = ChallengeResult.valueOf(result == null ? "" : result);
        } catch (IllegalArgumentException e) {
            return page(authenticationId);
        }
        try {
            return Response.seeOther(URI.create(emulator.answerThreeDSecure(authenticationId, answer))).build();
        } catch (EmulatorRejection rejection) {
            return rejection.status() == 404 ? html(404, PageTemplates.notFound(authenticationId)) : page(authenticationId);
        }
    }

    private static Response html(int status, io.quarkus.qute.TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }
}
