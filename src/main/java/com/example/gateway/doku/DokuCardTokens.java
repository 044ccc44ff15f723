package com.example.gateway.doku;

import com.example.gateway.payment.provider.CardToken;
import com.example.gateway.payment.provider.CardTokens;
import com.example.gateway.payment.provider.ProviderRejected;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** DOKU's tokenization API as the saved cards' {@link CardTokens}. */
@ApplicationScoped
class DokuCardTokens implements CardTokens {

    private final DokuClient doku;

    DokuCardTokens(DokuClient doku) {
        this.doku = doku;
    }

    @Override
    public Uni<List<CardToken>> list(String requestId, String customerId, String type) {
        return doku.listTokens(requestId, customerId, type).onFailure().transform(DokuProviderFailures::of);
    }

    @Override
    public Uni<Void> delete(String requestId, String tokenId, String customerId) {
        return doku.deleteToken(requestId, tokenId, customerId).onFailure().transform(DokuProviderFailures::of)
                .invoke(deleted -> {
                    if (!deleted) {
                        // DOKU answered DELETE FAILED: a definitive refusal, as the caller is told
                        throw new ProviderRejected("DOKU did not delete the token", "DELETE FAILED",
                                "the token was not deleted", false);
                    }
                })
                .replaceWithVoid();
    }
}
