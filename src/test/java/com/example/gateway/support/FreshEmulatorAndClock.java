package com.example.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a {@code @QuarkusTest} class: each test starts, and leaves, with the DOKU emulator as it started
 * (no transactions, tokens, ledger, requests, notifications, scripted faults or chaos) and the test
 * clock at real time, on both the gateway's and the emulator's side. Tests share one application and
 * one emulator, so what one test scripted or how far it moved the clock must not reach the next.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FreshEmulatorAndClockExtension.class)
public @interface FreshEmulatorAndClock {
}
