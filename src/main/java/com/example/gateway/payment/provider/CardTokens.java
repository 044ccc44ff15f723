package com.example.gateway.payment.provider;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * The saved cards the provider keeps for a customer (known to it by the id it was given). Fails like
 * {@link PaymentProvider}; a customer the provider knows nothing of is a {@link ProviderRejected} that is
 * {@link ProviderRejected#notFound()}.
 */
public interface CardTokens {

    /** @param type a kind of card to list only ({@link CardToken#type()}), or null for all */
    Uni<List<CardToken>> list(String requestId, String customerId, String type);

    /** Unbinds a token; a {@link ProviderRejected} if the provider answers that it did not. */
    Uni<Void> delete(String requestId, String tokenId, String customerId);
}
