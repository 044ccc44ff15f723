package com.example.gateway.api;

import com.example.gateway.payment.PaymentView;
import com.example.gateway.payment.RefundView;
import com.example.gateway.token.SavedCard;
import com.example.gateway.webhook.WebhookDelivery;
import com.example.gateway.webhook.WebhookEndpoint;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Bodies that leave as a {@code Response} entity or a stored idempotent answer, where the native
 * build cannot see their types from the resource signatures.
 */
@RegisterForReflection(targets = {PaymentView.class, RefundView.class, Problem.class, FieldError.class,
        SavedCard.class, WebhookEndpoint.class, WebhookDelivery.class, TestClockResource.Now.class,
        TestClockResource.Advanced.class, DueJobs.Ran.class})
final class ApiJsonTypes {

    private ApiJsonTypes() {
    }
}
