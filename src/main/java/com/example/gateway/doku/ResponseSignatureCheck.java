package com.example.gateway.doku;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * Checks the signature DOKU puts on its answers and counts the verdicts. The Request-Id signed must
 * be the one we sent: an answer signed for another request is no answer to this one.
 */
@ApplicationScoped
class ResponseSignatureCheck {

    /** The verdict on one answer; {@link #tag} is its metric label. */
    enum Verdict {
        VALID, INVALID, ABSENT, NOT_CHECKED;

        String tag() {
            return name().toLowerCase();
        }
    }

    private final DokuSigner signer;
    private final DokuCallMetrics metrics;
    private final boolean enabled;

    @Inject
    ResponseSignatureCheck(DokuSigner signer, DokuCallMetrics metrics, DokuConfig config) {
        this(signer, metrics, config.verifyResponseSignatures());
    }

    ResponseSignatureCheck(DokuSigner signer, DokuCallMetrics metrics, boolean enabled) {
        this.signer = signer;
        this.metrics = metrics;
        this.enabled = enabled;
    }

    /**
     * @param requestTarget the path our request was signed with
     * @param body          the answer's body bytes as received
     */
    Verdict check(String requestId, String requestTarget, Response response, byte[] body) {
        Verdict verdict = verdict(requestId, requestTarget, response, body);
        metrics.responseSignature(verdict.tag());
        return verdict;
    }

    private Verdict verdict(String requestId, String requestTarget, Response response, byte[] body) {
        if (!enabled) {
            return Verdict.NOT_CHECKED;
        }
        String signature = response.getHeaderString("Signature");
        if (signature == null || signature.isBlank()) {
            // A proxy's error page, or DOKU's own unsigned errors: handled by status as before.
            return Verdict.ABSENT;
        }
        boolean valid = signer.verifyResponse(response.getHeaderString("Client-Id"), requestId,
                response.getHeaderString("Response-Timestamp"), requestTarget, body, signature);
        return valid ? Verdict.VALID : Verdict.INVALID;
    }
}
