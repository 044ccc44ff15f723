-- What a caller without DOKU's signature sent is not kept: only how many attempts, per hour and per
-- SHA-256 of the body (at most a bounded number of distinct hashes per hour and replica; the rest are
-- counted under 'others'). No body, no header, no address.
CREATE TABLE unverified_notifications (
    hour        TIMESTAMPTZ NOT NULL,
    body_sha256 TEXT        NOT NULL,
    attempts    BIGINT      NOT NULL,
    PRIMARY KEY (hour, body_sha256)
);

-- Unsigned notifications stored before this change become counts, and their bodies go.
INSERT INTO unverified_notifications (hour, body_sha256, attempts)
SELECT date_trunc('hour', received_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', encode(sha256(body), 'hex'), count(*)
FROM doku_notifications WHERE result = 'INVALID_SIGNATURE'
GROUP BY 1, 2;
DELETE FROM doku_notifications WHERE result = 'INVALID_SIGNATURE';

-- Authentic notifications are kept for a retention period (GATEWAY_NOTIFICATION_RETENTION), then
-- purged oldest first (NotificationPurge).
CREATE INDEX doku_notifications_received_at_idx ON doku_notifications (received_at);
