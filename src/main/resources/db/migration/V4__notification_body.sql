-- A notification is stored exactly as received, even when its body is not text PostgreSQL accepts
-- (a NUL byte, invalid UTF-8): the body becomes bytes.
ALTER TABLE doku_notifications ALTER COLUMN body TYPE BYTEA USING convert_to(body, 'UTF8');
