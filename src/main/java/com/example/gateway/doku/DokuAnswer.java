package com.example.gateway.doku;

/**
 * A successful DOKU answer: its body, and whether DOKU replayed an earlier answer (HTTP 409 for a
 * Request-Id it had already processed).
 */
record DokuAnswer(String body, boolean replayed) {
}
