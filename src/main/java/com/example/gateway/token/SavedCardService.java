package com.example.gateway.token;

import com.example.gateway.payment.ProviderFailures;
import com.example.gateway.payment.provider.CardToken;
import com.example.gateway.payment.provider.CardTokens;
import com.example.gateway.payment.provider.ProviderFailure;
import com.example.gateway.payment.provider.ProviderRejected;
import com.example.gateway.support.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A customer's saved cards at DOKU. A client reaches only its own customers (those it has named in a
 * payment), under the id DOKU knows them by, and of their cards only those DOKU handed out to them
 * through this client: one internal service must not read, charge or unbind another's customers' cards.
 */
@ApplicationScoped
public class SavedCardService {

    private final CardTokens provider;
    private final SavedCardBindings bindings;

    SavedCardService(CardTokens provider, SavedCardBindings bindings) {
        this.provider = provider;
        this.bindings = bindings;
    }

    /** The customer's bound cards that DOKU still keeps; DOKU is not asked when none is bound. */
    public Uni<List<SavedCard>> list(String client, String customerId, String type) {
        return requireCustomer(client, customerId).chain(customer -> customer.tokenIds().isEmpty()
                ? Uni.createFrom().item(List.<SavedCard>of())
                : tokensAtDoku(customer.dokuCustomerId(), type).map(tokens -> tokens.stream()
                        .filter(token -> customer.holds(token.tokenId())).map(SavedCard::of).toList()));
    }

    /** Unbinds a token bound to the customer; any other token is "not found", and DOKU is not asked. */
    public Uni<Void> delete(String client, String customerId, String tokenId) {
        return requireCustomer(client, customerId).chain(customer -> customer.holds(tokenId)
                ? unbindAtDoku(customer.dokuCustomerId(), tokenId)
                        .chain(() -> bindings.unbind(client, customerId, tokenId))
                        // Unbound at DOKU by other means: the binding is stale, and the token is gone.
                        .onFailure(TokenNotFound.class).call(() -> bindings.unbind(client, customerId, tokenId))
                : Uni.createFrom().failure(new TokenNotFound()));
    }

    private Uni<Void> unbindAtDoku(String dokuCustomerId, String tokenId) {
        return provider.delete(Ids.newRequestId(), tokenId, dokuCustomerId)
                .onFailure(SavedCardService::unknownAtDoku).transform(unknown -> new TokenNotFound())
                .onFailure(ProviderFailure.class).transform(failure -> ProviderFailures.of(failure, null));
    }

    private Uni<BoundCustomer> requireCustomer(String client, String customerId) {
        return bindings.customer(client, customerId).map(found -> found.orElseThrow(CustomerNotFound::new));
    }

    private Uni<List<CardToken>> tokensAtDoku(String dokuCustomerId, String type) {
        return provider.list(Ids.newRequestId(), dokuCustomerId, type)
                // DOKU answers 404 for a customer with no tokens at all.
                .onFailure(SavedCardService::unknownAtDoku).recoverWithItem(List.of())
                .onFailure(ProviderFailure.class).transform(failure -> ProviderFailures.of(failure, null));
    }

    private static boolean unknownAtDoku(Throwable failure) {
        return failure instanceof ProviderRejected rejected && rejected.notFound();
    }
}
