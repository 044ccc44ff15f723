package com.example.gateway;

import com.example.gateway.support.RequiredProductionSettings;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;

/**
 * Entry point of the packaged service (JVM and native). Before anything starts, production refuses
 * to run without its credentials and database, and says so in one line. Dev mode and tests do not
 * pass through here.
 */
@QuarkusMain
public class GatewayMain {

    public static void main(String... args) {
        String profile = System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
        if (profile.equals("prod")) {
            List<String> missing = RequiredProductionSettings.missing(System.getenv(), System.getProperties());
            if (!missing.isEmpty()) {
                System.err.println("doku-card-gateway: refusing to start, missing configuration: "
                        + String.join(", ", missing));
                System.exit(1);
            }
        }
        Quarkus.run(args);
    }
}
