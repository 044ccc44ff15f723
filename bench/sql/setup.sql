-- The database floors' own tables (pgbench), in the gateway's database but in their own schema
-- (Flyway owns "public").
CREATE SCHEMA bench;
-- bench.rows: a single-row insert transaction, about as wide as a payment row.
CREATE TABLE bench.rows (
    id          BIGSERIAL PRIMARY KEY,
    invoice     TEXT        NOT NULL,
    amount      BIGINT      NOT NULL,
    status      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- bench.lookup: 100 000 rows read by their text primary key.
CREATE TABLE bench.lookup AS
    SELECT 'pay_' || md5(g::text) AS id, g AS n, 90000::bigint AS amount, 'PENDING'::text AS status, now() AS created_at
    FROM generate_series(1, 100000) g;
ALTER TABLE bench.lookup ADD PRIMARY KEY (id);
ANALYZE bench.lookup;
