package com.example.gateway.api;

import com.example.gateway.token.CustomerNotFound;
import com.example.gateway.token.SavedCard;
import com.example.gateway.token.SavedCardService;
import com.example.gateway.token.TokenNotFound;
import io.quarkus.security.Authenticated;
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
import java.util.regex.Pattern;

/** A customer's saved cards (DOKU tokens): list and unbind. */
@Authenticated
@Path("/v1/customers/{customer_id}/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class SavedCardResource {

    /** DOKU's token ids are opaque; what the payment request accepts as card.token is the outer bound. */
    private static final Pattern TOKEN_ID = Pattern.compile("[\\x21-\\x7E]{1,256}");
    private static final Set<String> TYPES = Set.of("CREDIT_CARD", "DIRECT_DEBIT");

    private final SavedCardService savedCards;

    SavedCardResource(SavedCardService savedCards) {
        this.savedCards = savedCards;
    }

    public record TokenList(List<SavedCard> items) {
    }

    @GET
    public Uni<TokenList> list(@Context ContainerRequestContext request, @PathParam("customer_id") String customerId,
            @QueryParam("type") String type) {
        if (type != null && !TYPES.contains(type)) {
            throw new ValidationException(List.of(new FieldError("type", "must be CREDIT_CARD or DIRECT_DEBIT")));
        }
        return savedCards.list(Caller.of(request), customerId(customerId), type).map(TokenList::new);
    }

    @DELETE
    @Path("{token_id}")
    public Uni<Response> delete(@Context ContainerRequestContext request, @PathParam("customer_id") String customerId,
            @PathParam("token_id") String tokenId) {
        String client = Caller.of(request);
        customerId(customerId);
        if (!TOKEN_ID.matcher(tokenId).matches()) {
            throw new TokenNotFound();
        }
        return savedCards.delete(client, customerId, tokenId).map(done -> Response.noContent().build());
    }

    /** An id no payment can carry names no customer: 404 without asking the database or DOKU. */
    private static String customerId(String id) {
        if (!CustomerIds.isValid(id)) {
            throw new CustomerNotFound();
        }
        return id;
    }
}
