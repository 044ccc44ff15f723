package com.example.gateway;

import com.example.gateway.support.ProductionSettings;
import io.quarkus.runtime.ApplicationLifecycleManager;
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
        if (ApplicationLifecycleManager.isAppCDSGeneration()) {
            initialiseStaticallyAndExit();
        }
        if (isPackaged() && profile.equals("prod")) {
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
     * Quarkus's AOT cache training run at build time (-Dquarkus.appcds.generate=true, what the JVM image
     * does): Quarkus's static initialisation only, then exit, before anything connects or listens, so
     * none of the production settings are needed. Quarkus's generated main does this; a @QuarkusMain
     * with its own main method must do it itself.
     */
    private static void initialiseStaticallyAndExit() {
        try {
            Class.forName("io.quarkus.runner.ApplicationImpl", true, GatewayMain.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("not a Quarkus build: no io.quarkus.runner.ApplicationImpl", e);
        }
        System.exit(0);
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
