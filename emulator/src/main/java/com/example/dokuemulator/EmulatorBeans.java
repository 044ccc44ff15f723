package com.example.dokuemulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The emulator's clock and its signer, made once from the configuration. */
@ApplicationScoped
class EmulatorBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    EmulatorSignatures signatures(EmulatorSettings settings) {
        return new EmulatorSignatures(settings.clientId(), settings.secretKey());
    }
}
