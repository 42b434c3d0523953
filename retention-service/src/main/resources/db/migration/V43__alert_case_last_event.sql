-- When risk-service wrote the latest alert event a case took in: the raise, updates and clearing of
-- one alert can reach this service out of order (a relay retry after a broker restart put an
-- UPDATED before its RAISED on the topic), and an older event must not undo a newer one.
ALTER TABLE alert_case ADD COLUMN last_event_at TIMESTAMPTZ;
UPDATE alert_case SET last_event_at = COALESCE(cleared_at, updated_at, alerted_at);
