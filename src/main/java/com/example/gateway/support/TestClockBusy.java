package com.example.gateway.support;

/** The test clock is being moved by another request; try again once that one has answered. */
public class TestClockBusy extends DomainException {

    public TestClockBusy() {
        super("Test clock busy", "The test clock is being moved by another request; try again once it has answered.");
    }
}
