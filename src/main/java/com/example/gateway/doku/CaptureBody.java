package com.example.gateway.doku;

import com.fasterxml.jackson.annotation.JsonInclude;

/** DOKU's capture request; no amount means the full authorization. */
record CaptureBody(Payment payment) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Payment(String authorizeId, Long captureAmount) {
    }
}
