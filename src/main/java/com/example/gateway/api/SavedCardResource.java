package com.example.gateway.api;

import com.example.gateway.doku.SavedCard;
import com.example.gateway.token.SavedCardService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A customer's saved cards (DOKU tokens): list and unbind. */
@Path("/v1/customers/{customer_id}/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class SavedCardResource {

    private static final Set<String> TYPES = Set.of("CREDIT_CARD", "DIRECT_DEBIT");

    private final SavedCardService savedCards;

    SavedCardResource(SavedCardService savedCards) {
        this.savedCards = savedCards;
    }

    public record TokenList(List<SavedCard> items) {
    }

    @GET
    @Operation(summary = "The customer's tokens at DOKU")
    public Uni<TokenList> list(@Context ContainerRequestContext request, @PathParam("customer_id") String customerId,
            @QueryParam("type") String type) {
        if (type != null && !TYPES.contains(type)) {
            throw new ValidationException(List.of(new FieldError("type", "must be CREDIT_CARD or DIRECT_DEBIT")));
        }
        return savedCards.list(Caller.of(request), customerId, type).map(TokenList::new);
    }

    @DELETE
    @Path("{token_id}")
    @Operation(summary = "Unbind a token at DOKU")
    public Uni<Response> delete(@Context ContainerRequestContext request, @PathParam("customer_id") String customerId,
            @PathParam("token_id") String tokenId) {
        return savedCards.delete(Caller.of(request), customerId, tokenId).map(done -> Response.noContent().build());
    }
}
