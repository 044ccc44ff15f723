package com.example.gateway;

import com.example.gateway.support.ProductionSettings;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.security.CodeSource;
import java.util.List;

/**
 * Entry point. Before anything starts, the packaged service (jar or native image) under the prod
 * profile refuses to run without its credentials and database, or with settings that are
 * not what they claim to be (ProductionSettings), and says so in one line instead of a
 * stack trace from whichever extension trips first.
 */
@QuarkusMain
public class GatewayMain {

    public static void main(String... args) {
        String profile = System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
        if (isPackaged() && profile.equals("prod") && !isAotTraining()) {
            List<String> missing = ProductionSettings.missing(System.getenv(), System.getProperties());
            if (!missing.isEmpty()) {
                refuse("missing configuration: " + String.join(", ", missing));
            }
            List<String> invalid = ProductionSettings.invalid(System.getenv(), System.getProperties());
            if (!invalid.isEmpty()) {
                refuse("invalid configuration: " + String.join("; ", invalid));
            }
        }
        Quarkus.run(args);
    }

    /**
     * Quarkus's AOT cache (or AppCDS) training run, as the JVM image does it: it stops at the end of
     * static initialisation, before anything connects or listens, so it needs none of the settings.
     */
    private static boolean isAotTraining() {
        return Boolean.getBoolean("quarkus.appcds.generate");
    }

    private static void refuse(String why) {
        System.err.println("doku-card-gateway: refusing to start, " + why);
        System.exit(1);
    }

    /**
     * Dev mode runs this method too, from the build's classes directory and before its own profile is
     * known; only a packaged artifact (a jar, or a native image, which has no code source) is checked.
     */
    private static boolean isPackaged() {
        CodeSource source = GatewayMain.class.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null || source.getLocation().getPath().endsWith(".jar");
    }
}
