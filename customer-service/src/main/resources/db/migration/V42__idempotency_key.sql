-- Idempotency-Key on every POST (platform: com.lendkeep.platform.idempotency): one row per caller
-- and key, claimed IN_PROGRESS, then COMPLETED with the answer in the request's own transaction.
-- The same table as loan-service's (its V2). Numbered with a gap so that migrations added meanwhile
-- on other branches keep their numbers.
CREATE TABLE idempotency_key (
    caller            TEXT        NOT NULL,
    idem_key          TEXT        NOT NULL,
    request_hash      TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    response_status   INTEGER,
    response_body     TEXT,
    response_location TEXT,
    started_at        TIMESTAMPTZ NOT NULL,
    completed_at      TIMESTAMPTZ,
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX idempotency_key_started ON idempotency_key (started_at);
