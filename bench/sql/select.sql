-- Database floor: one row by its text primary key, as GET /v1/payments/{id} reads a payment.
\set n random(1, 100000)
SELECT * FROM bench.lookup WHERE id = 'pay_' || md5(:n::text);
