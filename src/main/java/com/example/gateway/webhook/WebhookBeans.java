package com.example.gateway.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** What the webhook settings make, once: the allow-list of hosts and the retry schedule. */
@ApplicationScoped
public class WebhookBeans {

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
