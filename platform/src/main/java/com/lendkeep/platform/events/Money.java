package com.lendkeep.platform.events;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * A payload field that is an amount of money: written with its scale, two decimals, whatever scale
 * the producing code computed it with ({@code 600000} and {@code 6E+5} are written {@code 600000.00}).
 * Readers of the event get the same number either way; the fixed scale is what people and
 * CloudEvents/JSON tools see, and what docs/asyncapi's schemas declare ({@code money.json}).
 * <p>
 * An amount with more than two significant decimals is a bug in the producer; it is written as it is
 * (never rounded: an event must not change an amount) and the event contract test reports it.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = Money.Writer.class)
public @interface Money {

    /** Decimals of every amount on an event. */
    int SCALE = 2;

    final class Writer extends StdSerializer<BigDecimal> {
        public Writer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal amount, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeNumber(withScale(amount));
        }

        /** The amount as it is written: scale 2 when that keeps its value exactly, otherwise unchanged. */
        public static BigDecimal withScale(BigDecimal amount) {
            if (amount.scale() == SCALE) {
                return amount;
            }
            try {
                return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException moreDecimals) {
                return amount;
            }
        }
    }
}
