package com.example.gateway.webhook;

import com.example.gateway.support.DomainException;

/** A delivery to a disabled endpoint (it answered 410 Gone) cannot be retried: register a new endpoint. */
public class WebhookEndpointDisabled extends DomainException {

    public WebhookEndpointDisabled() {
        super("Webhook endpoint disabled", "The delivery's endpoint is disabled (it answered 410 Gone); register a new one");
    }
}
