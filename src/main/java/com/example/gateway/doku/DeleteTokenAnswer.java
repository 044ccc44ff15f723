package com.example.gateway.doku;

/** DOKU answers {@code DELETE SUCCESS} or {@code DELETE FAILED}. */
record DeleteTokenAnswer(String status) {

    Boolean deleted() {
        return status == null ? null : "DELETE SUCCESS".equalsIgnoreCase(status.trim());
    }
}
