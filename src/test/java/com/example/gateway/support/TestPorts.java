package com.example.gateway.support;

/**
 * The ports the test application listens on: application.properties' test ports unless the build
 * overrides them ({@code -Dquarkus.http.test-port=…}), so that two checkouts can run tests side by side.
 */
public final class TestPorts {

    private TestPorts() {
    }

    public static int api() {
        return Integer.getInteger("quarkus.http.test-port", 8081);
    }

    public static int management() {
        return Integer.getInteger("quarkus.management.test-port", 9001);
    }
}
