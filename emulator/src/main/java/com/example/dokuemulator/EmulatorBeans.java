package com.example.dokuemulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The emulator's clock (injected wherever a {@code Clock} is asked for) and its signer. */
@ApplicationScoped
class EmulatorBeans {

    @Produces
    @Singleton
    EmulatorClock emulatorClock() {
        return new EmulatorClock();
    }

    @Produces
    @Singleton
    EmulatorSignatures signatures(EmulatorSettings settings) {
        return new EmulatorSignatures(settings.clientId(), settings.secretKey());
    }
}
