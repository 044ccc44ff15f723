package com.example.gateway.notification;

/** A notification as it came off the wire: DOKU's headers and the raw body bytes that were signed. */
public record IncomingNotification(String clientId, String requestId, String timestamp, String signature,
        byte[] body) {
}
