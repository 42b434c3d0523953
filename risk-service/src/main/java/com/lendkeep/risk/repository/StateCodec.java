package com.lendkeep.risk.repository;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.lendkeep.risk.domain.LoanState;
import com.lendkeep.risk.domain.Signals;

/**
 * The JSON of a customer's active loans and decaying signals, as stored on its row.
 * <p>
 * The loans are read and written for every customer of every event batch, so they are written by hand and read with
 * Jackson's streaming parser: the same JSON Jackson's data binding writes for {@link LoanState} (fields in declaration
 * order, nulls left out, dates as ISO strings, the rate as {@link BigDecimal#toString()}; {@code StateCodecTest}
 * compares both on random loans), at a fraction of its cost (docs/risk-model.md section 9).
 */
public final class StateCodec {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final ObjectReader SIGNALS = JSON.readerFor(new TypeReference<Map<String, double[]>>() {
    });
    private static final ObjectWriter WRITER = JSON.writer();

    private StateCodec() {
    }

    public static List<LoanState> loans(String json) {
        if (json == null || json.equals("[]")) {
            return List.of();
        }
        try (JsonParser p = JSON.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("stored loans are not a JSON array: " + json);
            }
            List<LoanState> loans = new ArrayList<>(2);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                loans.add(loan(p));
            }
            return loans;
        } catch (IOException e) {
            throw new IllegalStateException("stored risk state is not valid JSON: " + json, e);
        }
    }

    private static LoanState loan(JsonParser p) throws IOException {
        LoanState l = new LoanState();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue; // as data binding: the field keeps its default
            }
            switch (name) {
                case "loanId" -> l.loanId = UUID.fromString(p.getText());
                case "daysPastDue" -> l.daysPastDue = p.getIntValue();
                case "delinquentSince" -> l.delinquentSince = LocalDate.parse(p.getText());
                case "consecutiveMissed" -> l.consecutiveMissed = p.getIntValue();
                case "annualRate" -> l.annualRate = p.getDecimalValue();
                case "maturityDate" -> l.maturityDate = LocalDate.parse(p.getText());
                case "forbearanceUntil" -> l.forbearanceUntil = LocalDate.parse(p.getText());
                default -> p.skipChildren(); // a field of a later version: ignored
            }
        }
        return l;
    }

    public static Signals signals(String json) {
        return json == null || json.equals("{}") ? Signals.empty() : new Signals(read(json, SIGNALS));
    }

    public static String write(List<LoanState> loans) {
        if (loans.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder(96 * loans.size()).append('[');
        for (LoanState l : loans) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('{');
            int start = out.length();
            string(out, start, "loanId", l.loanId);
            field(out, start, "daysPastDue").append(l.daysPastDue);
            string(out, start, "delinquentSince", l.delinquentSince);
            field(out, start, "consecutiveMissed").append(l.consecutiveMissed);
            if (l.annualRate != null) {
                field(out, start, "annualRate").append(l.annualRate);
            }
            string(out, start, "maturityDate", l.maturityDate);
            string(out, start, "forbearanceUntil", l.forbearanceUntil);
            out.append('}');
        }
        return out.append(']').toString();
    }

    /** A string value (UUID or ISO date: nothing to escape), left out when null. */
    private static void string(StringBuilder out, int start, String name, Object value) {
        if (value != null) {
            field(out, start, name).append('"').append(value).append('"');
        }
    }

    private static StringBuilder field(StringBuilder out, int start, String name) {
        if (out.length() > start) {
            out.append(',');
        }
        return out.append('"').append(name).append("\":");
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
