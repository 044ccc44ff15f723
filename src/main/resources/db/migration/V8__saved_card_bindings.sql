-- Saved cards belong to the client that saved them (issue 17).
--
-- DOKU keeps every merchant's customers in one namespace, so each client's customer gets a DOKU
-- customer id of its own, derived with a key at first use (token.DokuCustomerIds) and stored here:
-- the stored id is the customer's for good, whatever key later derivations use.
CREATE TABLE doku_customers (
    client_name       TEXT        NOT NULL,
    customer_id       TEXT        NOT NULL,
    doku_customer_id  TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client_name, customer_id),
    CONSTRAINT doku_customers_doku_customer_id_key UNIQUE (doku_customer_id)
);

-- The tokens DOKU handed out to a client's customer: only that client, naming that customer, may
-- list, charge or unbind them. A token is bound when a payment of the customer first learns it.
CREATE TABLE saved_card_tokens (
    client_name  TEXT        NOT NULL,
    customer_id  TEXT        NOT NULL,
    token_id     TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client_name, customer_id, token_id),
    FOREIGN KEY (client_name, customer_id) REFERENCES doku_customers (client_name, customer_id)
);

-- DOKU hands a token out in a charge's answer, a page's notification or a check-status answer, and
-- each of them ends in payments.card_token (PaymentOutcome). Binding it here, in the statement that
-- stores it, means no path that learns a token can forget to bind it, and both commit together.
-- A payment whose client and customer have no DOKU id binds nothing (a payment made before V8 for a
-- customer not named since). One made before V8 for a customer named since may bind a token DOKU
-- keeps under the raw customer id: harmless, since the gateway sends DOKU only the derived id, so
-- DOKU neither lists such a token for it nor charges or unbinds it.
CREATE FUNCTION bind_saved_card_token() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO saved_card_tokens (client_name, customer_id, token_id, created_at)
    SELECT c.client_name, c.customer_id, NEW.card_token, NEW.updated_at
    FROM doku_customers c
    WHERE c.client_name = NEW.client_name AND c.customer_id = NEW.customer_id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER payments_bind_saved_card_token
    AFTER UPDATE OF card_token ON payments
    FOR EACH ROW
    WHEN (NEW.card_token IS NOT NULL AND NEW.customer_id IS NOT NULL
          AND OLD.card_token IS DISTINCT FROM NEW.card_token)
    EXECUTE FUNCTION bind_saved_card_token();
