-- Database floor: one single-row insert, committed on its own (one write transaction).
\set n random(1, 1000000000)
INSERT INTO bench.rows (invoice, amount, status) VALUES ('INV-' || :n, :n, 'PENDING');
