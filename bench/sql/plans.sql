-- The plans of the gateway's listing and counting statements over 400 000 payments (docs/internals.md,
-- "Performance"). Run it in an empty database that has the migrations applied (for example a scratch
-- PostgreSQL with src/main/resources/db/migration/V*.sql run in version order, or the one of
-- `bench/run --serve`); it adds rows, so never in one that matters:
--   psql -h HOST -p PORT -U USER -d DB -f bench/sql/plans.sql
INSERT INTO payments (id, client_name, invoice_number, amount, flow, payment_type, status, doku_request_id,
                      created_at, updated_at, capture_deadline, next_reconcile_at)
SELECT 'plan_' || g, (ARRAY['orders','subs','shop','travel','games'])[1 + g % 5], 'PLAN-' || g, 1000 + g, 'CHARGE',
       'SALE', (ARRAY['SUCCEEDED','SUCCEEDED','SUCCEEDED','AUTHORIZED','FAILED','REFUNDED','PENDING','CAPTURED'])[1 + g % 8],
       'plan-req-' || g, now() - (g || ' seconds')::interval, now(), now() + ((g % 600000) || ' seconds')::interval,
       CASE WHEN g % 1000 = 0 THEN now() END
FROM generate_series(1, 400000) g;
UPDATE payments SET status = 'UNKNOWN' WHERE id IN (SELECT 'plan_' || g FROM generate_series(1, 400000, 5000) g);
INSERT INTO payment_operations (id, payment_id, kind, amount, status, doku_request_id, created_at, updated_at)
SELECT 'plan_op_' || g, 'plan_' || g, 'REFUND', 100, 'SUCCEEDED', 'plan-op-req-' || g, now(), now()
FROM generate_series(1, 400000, 3) g;
INSERT INTO doku_notifications (doku_request_id, received_at, request_target, body, invoice_number, payment_id, result)
SELECT 'plan-n-' || g, now(), '/v1/doku/notifications', '\x00', 'PLAN-' || g, 'plan_' || g, 'APPLIED'
FROM generate_series(1, 400000) g;
VACUUM ANALYZE;

-- The gauges' counts (Payments.COUNTS): three index-only scans.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT
    (SELECT count(*) FROM payments WHERE status = 'AUTHORIZED'),
    (SELECT count(*) FROM payments WHERE status = 'AUTHORIZED' AND capture_deadline <= now() + interval '1 day'),
    (SELECT count(*) FROM payments WHERE status = 'UNKNOWN');
-- The same counts as one pass with FILTER, as they were before: a sequential scan of the table.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT
    count(*) FILTER (WHERE status = 'AUTHORIZED'),
    count(*) FILTER (WHERE status = 'AUTHORIZED' AND capture_deadline <= now() + interval '1 day'),
    count(*) FILTER (WHERE status = 'UNKNOWN') FROM payments;
-- A notification's applied-before check (NotificationRows): an index-only scan.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
    SELECT EXISTS (SELECT 1 FROM doku_notifications WHERE doku_request_id = 'plan-n-77' AND result = 'APPLIED');
-- GET /v1/payments and GET /v1/authorizations (PaymentRows.list, awaitingCapture).
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
    SELECT * FROM payments p WHERE p.client_name = 'orders' ORDER BY p.created_at DESC, p.id DESC LIMIT 21;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
    SELECT * FROM payments p WHERE p.client_name = 'orders' AND p.status = 'AUTHORIZED'
    ORDER BY p.capture_deadline, p.id LIMIT 21;
