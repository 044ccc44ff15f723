package com.example.gateway.api;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * Where a payment may ask DOKU to send its notification instead of the Notification URL set in DOKU's
 * back office ({@code override_notification_url}): that notification is signed and carries customer
 * data, the masked card and any saved-card token, so only listed hosts are accepted.
 */
@ConfigMapping(prefix = "gateway.notification-url")
public interface NotificationUrlConfig {

    /**
     * Host names ({@code hooks.example.com}) or {@code *.domain} patterns ({@code GATEWAY_NOTIFICATION_URL_ALLOWED_HOSTS}).
     * None: the field is refused.
     */
    Optional<List<String>> allowedHosts();
}
