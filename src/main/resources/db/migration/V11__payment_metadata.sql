-- The caller's own key-value pairs on a payment (metadata on POST /v1/payments): a JSON object of
-- string keys to string values, '{}' when none. Bounded and checked by the gateway before it is
-- written (api/PaymentMetadataRules: at most 20 keys, no card numbers); written once, on creation.
-- Adding a column with a constant default rewrites no rows (PostgreSQL 11+).
ALTER TABLE payments ADD COLUMN metadata JSONB NOT NULL DEFAULT '{}'::jsonb;

-- The listing's metadata search (GET /v1/payments?metadata[key]=value) is containment
-- (metadata @> '{"key":"value"}'); jsonb_path_ops indexes exactly that operator, smaller than the
-- default operator class.
CREATE INDEX payments_metadata_idx ON payments USING GIN (metadata jsonb_path_ops);
