package com.example.gateway.doku;

import com.example.gateway.payment.provider.ThreeDSecureEnrollment;

/** DOKU's answer to check 3-D Secure: {@code {"three_dsecure": {"enrollment_status", "authentication_id", "authentication_url"}}}. */
record ThreeDSecureCheckAnswer(ThreeDsecure threeDsecure) {

    record ThreeDsecure(Boolean enrollmentStatus, String authenticationId, String authenticationUrl) {
    }

    /** Null (unreadable) without an id, or enrolled without a URL to send the customer to. */
    ThreeDSecureEnrollment enrollment() {
        if (threeDsecure == null || threeDsecure.authenticationId() == null || threeDsecure.authenticationId().isBlank()) {
            return null;
        }
        boolean enrolled = !Boolean.FALSE.equals(threeDsecure.enrollmentStatus());
        if (enrolled && (threeDsecure.authenticationUrl() == null || threeDsecure.authenticationUrl().isBlank())) {
            return null;
        }
        return new ThreeDSecureEnrollment(enrolled, threeDsecure.authenticationId(),
                enrolled ? threeDsecure.authenticationUrl() : null);
    }
}
