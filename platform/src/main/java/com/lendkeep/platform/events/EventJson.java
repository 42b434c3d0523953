package com.lendkeep.platform.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * How an event is written for Kafka, in one place: the payload becomes a tree with the service's
 * mapper (which keeps decimals' trailing zeros, platform json/StrictJson, and writes {@link Money}
 * fields with two decimals), and the envelope is written with decimals plain, never {@code 6E+5}.
 */
public final class EventJson {

    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    public EventJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.writer = mapper.writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /** A payload record as the envelope's {@code data}. */
    public JsonNode data(Object payload) {
        return mapper.valueToTree(payload);
    }

    /** The envelope's JSON text, the Kafka record's value. */
    public String write(EventEnvelope envelope) {
        try {
            return writer.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be serialized", e);
        }
    }
}
