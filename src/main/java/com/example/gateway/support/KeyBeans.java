package com.example.gateway.support;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** The keys the configuration makes, once: the current master's, every known master's, and the secret box. */
@ApplicationScoped
public class KeyBeans {

    /** The current master's keys: everything new is fingerprinted, sealed or derived with these. */
    @Produces
    @Singleton
    DerivedKeys currentKeys(KeyConfig config) {
        return new DerivedKeys(config.master());
    }

    @Produces
    @Singleton
    KnownKeys knownKeys(KeyConfig config, DerivedKeys current) {
        List<DerivedKeys> all = new ArrayList<>(List.of(current));
        config.previousMasters().orElse(List.of()).stream().map(String::trim).filter(m -> !m.isEmpty())
                .map(DerivedKeys::new).forEach(all::add);
        return new KnownKeys(all);
    }

    /**
     * Keeps secrets (webhook signing secrets, answers that show one) encrypted at rest. Made at startup, with
     * the keys it needs: made lazily, the first request that needed it loaded Bouncy Castle from its signed
     * jar on the event loop (the jar's signature is verified then), which blocked it for 3.5 s in bench/run.
     */
    @Produces
    @Singleton
    @Startup
    SecretBox secretBox(KnownKeys keys, KeyConfig config) {
        return new SecretBox(keys, config.legacySecretBoxKey().filter(k -> !k.isBlank()).orElse(null));
    }
}
