package com.example.gateway.support;

/** A clock that must move with the gateway's (the DOKU emulator's) did not, so neither did the gateway's. */
public class TestClockNotFollowed extends DomainException {

    public TestClockNotFollowed(String which) {
        super("Test clock not moved", which + " did not move its clock; the gateway's time is unchanged.");
    }
}
