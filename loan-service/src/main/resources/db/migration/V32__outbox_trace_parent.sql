-- The W3C traceparent of the request or event that wrote the outbox row (null without tracing):
-- the relay sends it on as the record's traceparent header (docs/operations.md, "Traces").
-- V32: ten above the highest version of any service at the time (loan-service's V22), so that
-- migrations other branches add meanwhile do not clash with it.
ALTER TABLE outbox_event ADD COLUMN trace_parent text;
