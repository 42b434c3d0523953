package com.lendkeep.platform.json;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A date only as the string {@code YYYY-MM-DD} (ISO 8601, years 0000-9999): no numbers, arrays or signed years. */
public final class StrictLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public StrictLocalDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            String text = p.getText();
            if (ISO_DATE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    // 2026-02-30 and the like: refused below with the same message
                }
            }
            throw InvalidFormatException.from(p, "a date is written YYYY-MM-DD (years 0000-9999)", text, LocalDate.class);
        }
        Object given = p.currentToken() != null && p.currentToken().isNumeric() ? p.getNumberValue() : p.getText();
        throw InvalidFormatException.from(p, "a date is a string YYYY-MM-DD, not " + p.currentToken(), given, LocalDate.class);
    }
}
