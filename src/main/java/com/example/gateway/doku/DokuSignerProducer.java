package com.example.gateway.doku;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the signer from DOKU's credentials; production start-up has already checked they exist. */
@ApplicationScoped
class DokuSignerProducer {

    @Produces
    @Singleton
    DokuSigner signer(DokuConfig config) {
        return new DokuSigner(
                config.clientId().orElseThrow(() -> new IllegalStateException("DOKU_CLIENT_ID is not set")),
                config.secretKey().orElseThrow(() -> new IllegalStateException("DOKU_SECRET_KEY is not set")));
    }
}
