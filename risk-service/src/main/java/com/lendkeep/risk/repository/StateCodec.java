package com.lendkeep.risk.repository;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.lendkeep.risk.domain.LoanState;
import com.lendkeep.risk.domain.Signals;

/** The JSON of a customer's active loans and decaying signals, as stored on its row. */
public final class StateCodec {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    // built once: the batch path reads and writes both for every customer of every batch
    private static final ObjectReader LOANS = JSON.readerFor(new TypeReference<List<LoanState>>() {
    });
    private static final ObjectReader SIGNALS = JSON.readerFor(new TypeReference<Map<String, double[]>>() {
    });
    private static final ObjectWriter WRITER = JSON.writer();

    private StateCodec() {
    }

    public static List<LoanState> loans(String json) {
        return json == null || json.equals("[]") ? List.of() : read(json, LOANS);
    }

    public static Signals signals(String json) {
        return json == null || json.equals("{}") ? Signals.empty() : new Signals(read(json, SIGNALS));
    }

    public static String write(List<LoanState> loans) {
        return loans.isEmpty() ? "[]" : write((Object) loans);
    }

    public static String write(Signals signals) {
        return signals.values().isEmpty() ? "{}" : write((Object) signals.values());
    }

    private static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risk state cannot be written as JSON", e);
        }
    }

    private static <T> T read(String json, ObjectReader reader) {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored risk state is not valid JSON: " + json, e);
        }
    }
}
