package com.example.gateway.doku;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The native image keeps only what it sees used; Jackson reads and writes these DOKU records
 * through {@code ObjectMapper} calls it cannot trace, so they are registered here (nested records
 * included).
 */
@RegisterForReflection(targets = {
        PaymentPageBody.class, PaymentPageAnswer.class, BodyParts.class,
        ThreeDSecureCheckBody.class, ThreeDSecureCheckAnswer.class,
        ChargeBody.class, ChargeAnswer.class,
        CaptureBody.class, CaptureAnswer.class,
        RefundBody.class, RefundAnswer.class,
        TokenListBody.class, TokenListEntry.class,
        DeleteTokenBody.class, DeleteTokenAnswer.class})
final class DokuJsonTypes {

    private DokuJsonTypes() {
    }
}
