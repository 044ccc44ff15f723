package com.example.gateway.webhook;

import com.example.gateway.support.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The box that keeps webhook signing secrets (and answers that show one) encrypted at rest. */
@ApplicationScoped
public class SecretBoxProducer {

    @Produces
    @Singleton
    SecretBox secretBox(WebhookConfig config) {
        return new SecretBox(config.secretKey());
    }

    /** The context a signing secret is sealed for: its endpoint, so that it opens for no other. */
    static String contextOf(String endpointId) {
        return "webhook-endpoint:" + endpointId;
    }
}
