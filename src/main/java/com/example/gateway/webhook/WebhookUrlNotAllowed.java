package com.example.gateway.webhook;

import com.example.gateway.support.DomainException;

/** The URL's host is not on the allow-list (GATEWAY_WEBHOOK_ALLOWED_HOSTS). */
public class WebhookUrlNotAllowed extends DomainException {

    public WebhookUrlNotAllowed() {
        super("Webhook URL not allowed", "The URL's host is not on the gateway's allow-list of webhook hosts");
    }
}
