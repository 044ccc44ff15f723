package com.example.gateway.webhook;

import com.example.gateway.support.DomainException;

/**
 * The URL is not a webhook target the gateway sends to (see {@link WebhookTargets}). The detail says
 * which rule refused it, but of the resolved address only that it is not allowed.
 */
public class WebhookUrlNotAllowed extends DomainException {

    public WebhookUrlNotAllowed(String detail) {
        super("Webhook URL not allowed", detail);
    }
}
