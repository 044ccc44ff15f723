package com.example.dokuemulator;

/** What the cardholder did on the issuer's challenge page. */
public enum ChallengeResult {
    PASS,
    FAIL,
    ABANDON
}
