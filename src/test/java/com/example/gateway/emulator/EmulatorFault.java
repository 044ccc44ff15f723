package com.example.gateway.emulator;

/** The faults the emulator's control API can script (see docs/integrating.md, "The DOKU emulator for your own tests"). */
public enum EmulatorFault {
    HTTP_500,
    HTTP_503,
    HTTP_429,
    DELAY,
    DROP_CONNECTION,
    ANSWER_LOST,
    BAD_RESPONSE_SIGNATURE,
    DUPLICATE_NOTIFICATION,
    HOLD_NOTIFICATION
}
