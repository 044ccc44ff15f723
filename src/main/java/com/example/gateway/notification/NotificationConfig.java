package com.example.gateway.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long DOKU's notifications and the counts of unverified attempts are kept ({@code gateway.notifications.*}). */
@ConfigMapping(prefix = "gateway.notifications")
public interface NotificationConfig {

    /** Authentic notifications older than this are purged ({@code GATEWAY_NOTIFICATION_RETENTION}). */
    @WithDefault("P90D")
    Duration retention();

    /** Hourly counts of unverified attempts older than this are purged ({@code GATEWAY_NOTIFICATION_UNVERIFIED_RETENTION}). */
    @WithDefault("P30D")
    Duration unverifiedRetention();

    /** How often both are purged (a scheduler interval; {@code off} in tests, which run the purge themselves). */
    @WithDefault("1h")
    String purgeEvery();

    /** How often each replica adds the unverified attempts it counted to the table (a scheduler interval). */
    @WithDefault("10s")
    String unverifiedFlushEvery();
}
