package com.lendkeep.platform.json;

import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every service reads JSON strictly and money keeps its scale:
 * <ul>
 * <li>a date is a string {@code YYYY-MM-DD} with a four-digit year ({@link StrictLocalDateDeserializer}): the lenient
 * default took {@code 20261206} as a number of days (the year 57443) and {@code +99999-01-01} as a date;</li>
 * <li>an integer field refuses a fractional number: {@code termMonths: 1.5} became 1;</li>
 * <li>a decimal read into a tree (events are built as trees) keeps its trailing zeros, so an amount
 * of 600000.00 reaches Kafka as {@code 600000.00}, not {@code 6E+5} or {@code 600000}.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        mapper.registerModule(new SimpleModule("strict-input").addDeserializer(LocalDate.class, new StrictLocalDateDeserializer())
                .addDeserializer(String.class, new StrictStringDeserializer()));
    }

    /** True for the messages of this package's deserializers, which are worded for the caller. */
    public static boolean isOwnMessage(String message) {
        return message != null && (message.startsWith("text ") || message.startsWith("a date "));
    }

    /** Applied after the customizers that register the standard modules, so that these rules win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
