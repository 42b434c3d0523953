package com.lendkeep.platform.inbox;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.EventType;

/** Reads a raw message into an envelope of the contract; anything else is a {@link PoisonMessageException} saying why. */
final class EnvelopeParser {

    private final ObjectMapper mapper;
    /** Built once: {@code mapper.readValue(raw, EventEnvelope.class)} resolves the type again for every message. */
    private final ObjectReader envelopes;

    EnvelopeParser(ObjectMapper mapper) {
        this.mapper = mapper;
        this.envelopes = mapper.readerFor(EventEnvelope.class);
    }

    EventEnvelope parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new PoisonMessageException("empty message");
        }
        // One pass straight into the envelope (its data stays a tree until the consumer asks for
        // its type): parsing into a tree first and then converting it cost twice (docs/performance.md).
        EventEnvelope event;
        try {
            event = envelopes.readValue(raw);
        } catch (DatabindException e) {
            // the one-pass read stops at the first field that does not fit, which may come before
            // the place where the text stops being JSON: say "malformed" whenever it is
            String malformed = syntaxError(raw);
            if (malformed != null) {
                throw new PoisonMessageException("malformed JSON: " + malformed, e);
            }
            if (e instanceof InvalidFormatException f && f.getTargetType() == EventType.class) {
                throw new PoisonMessageException("unknown event type: " + f.getValue(), e);
            }
            if (e instanceof MismatchedInputException m && m.getPath().isEmpty()) {
                throw new PoisonMessageException("message is not a JSON object", e);
            }
            throw new PoisonMessageException("envelope does not match the contract: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (event == null) {
            throw new PoisonMessageException("message is not a JSON object");
        }
        StringBuilder missing = new StringBuilder();
        if (event.eventId() == null) {
            missing.append(" eventId");
        }
        if (event.type() == null) {
            missing.append(" type");
        }
        if (event.customerId() == null) {
            missing.append(" customerId");
        }
        if (event.occurredAt() == null) {
            missing.append(" occurredAt");
        }
        if (event.data() == null || event.data().isNull()) {
            missing.append(" data");
        }
        if (!missing.isEmpty()) {
            throw new PoisonMessageException("envelope is missing:" + missing);
        }
        if (event.schemaVersion() != EventEnvelope.CURRENT_SCHEMA_VERSION) {
            throw new PoisonMessageException("unsupported schema version " + event.schemaVersion()
                    + " (this consumer reads " + EventEnvelope.CURRENT_SCHEMA_VERSION + ")");
        }
        return event;
    }

    /** The syntax error of a text that is not well-formed JSON, null if it is. */
    private String syntaxError(String raw) {
        try (JsonParser parser = mapper.createParser(raw)) {
            while (parser.nextToken() != null) {
                // reading every token is the check
            }
            return null;
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
