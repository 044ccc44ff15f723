package com.example.gateway.webhook;

import com.example.gateway.support.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** What the webhook settings make, once: the secret box, the allow-list of hosts and the retry schedule. */
@ApplicationScoped
public class WebhookBeans {

    /** Keeps webhook signing secrets (and answers that show one) encrypted at rest. */
    @Produces
    @Singleton
    SecretBox secretBox(WebhookConfig config) {
        return new SecretBox(config.secretKey());
    }

    @Produces
    @Singleton
    AllowedHosts allowedHosts(WebhookConfig config) {
        return new AllowedHosts(config.allowedHosts().orElse(List.of()));
    }

    @Produces
    @Singleton
    RetrySchedule retrySchedule(WebhookConfig config) {
        return new RetrySchedule(config.retrySchedule());
    }

    /** The context a signing secret is sealed for: its endpoint, so that it opens for no other. */
    static String contextOf(String endpointId) {
        return "webhook-endpoint:" + endpointId;
    }
}
