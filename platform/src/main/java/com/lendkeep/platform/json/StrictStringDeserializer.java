package com.lendkeep.platform.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A text as Jackson reads it, refused when it holds a NUL character or a lone surrogate (broken Unicode). */
public final class StrictStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = super.deserialize(p, ctxt);
        String problem = problemOf(text);
        if (problem != null) {
            throw InvalidFormatException.from(p, "text " + problem, text, String.class);
        }
        return text;
    }

    /** What is wrong with {@code text} (a NUL character, broken Unicode), or null. */
    public static String problemOf(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return "contains broken Unicode (a lone surrogate)";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "contains broken Unicode (a lone surrogate)";
            }
        }
        return null;
    }
}
