-- Every instance of customer-service keeps the answers of GET /customers/{id} in memory
-- (CustomerReadCache). Whatever changes or removes a customer row, in any instance or by hand,
-- tells every instance to drop that customer's entry: NOTIFY customer_changed with the id, sent by
-- PostgreSQL when the transaction commits (TRUNCATE sends '*': drop everything).
CREATE FUNCTION customer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('customer_changed', '*');
    ELSE
        PERFORM pg_notify('customer_changed', OLD.id::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER customer_changed AFTER UPDATE OR DELETE ON customer
    FOR EACH ROW EXECUTE FUNCTION customer_changed();
CREATE TRIGGER customer_truncated AFTER TRUNCATE ON customer
    FOR EACH STATEMENT EXECUTE FUNCTION customer_changed();
