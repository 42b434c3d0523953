package com.lendkeep.risk.repository;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.lendkeep.risk.domain.LoanState;
import com.lendkeep.risk.domain.Signals;

/** The JSON of a customer's active loans and decaying signals, as stored on its row. */
public final class StateCodec {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final TypeReference<List<LoanState>> LOANS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, double[]>> SIGNALS = new TypeReference<>() {
    };

    private StateCodec() {
    }

    public static List<LoanState> loans(String json) {
        return json == null || json.equals("[]") ? List.of() : read(json, LOANS);
    }

    public static Signals signals(String json) {
        return json == null || json.equals("{}") ? Signals.empty() : new Signals(read(json, SIGNALS));
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value instanceof Signals s ? s.values() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risk state cannot be written as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored risk state is not valid JSON: " + json, e);
        }
    }
}
