package com.lendkeep.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.lendkeep.platform.json.StrictJson;

/**
 * Every money field of every payload reaches Kafka with two decimals, whatever scale the producing
 * code computed it with: 600000 (scale 0, e.g. read from a request's {@code "principal": 600000}), 6E+5
 * (scale -5, e.g. after stripTrailingZeros) and 600000.000 are all written {@code 600000.00}. The
 * event is written as the outbox writes it ({@link EventJson} with a mapper customised like the
 * services', {@link StrictJson}).
 */
class MoneyOnKafkaTest {

    /** The decimals that are not money: rates (fractions) and scores (probabilities) keep their own scale. */
    private static final Set<String> NOT_MONEY = Set.of("annualRate", "newAnnualRate", "score");

    private final EventJson json = new EventJson(servicesMapper());

    static ObjectMapper servicesMapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void everyMoneyFieldOfEveryPayloadIsWrittenWithTwoDecimals() throws Exception {
        int checked = 0;
        for (Class<?> payload : PayloadSamples.payloadRecords()) {
            for (String amount : List.of("600000", "6E+5", "600000.0", "600000.000", "600000.00")) {
                String written = write(payload, new BigDecimal(amount));
                for (RecordComponent c : payload.getRecordComponents()) {
                    if (c.isAnnotationPresent(Money.class)) {
                        assertEquals("600000.00", field(written, c.getName()),
                                payload.getSimpleName() + "." + c.getName() + " from " + amount + ": " + written);
                        checked++;
                    }
                }
                assertFalse(written.contains("E+"), written);
            }
        }
        assertEquals(27 * 5, checked, "27 money fields, 5 scales each");
    }

    /** A new BigDecimal field must say whether it is money: an amount without @Money would keep any scale. */
    @Test
    void everyDecimalOfAPayloadIsMoneyOrAKnownRate() {
        for (Class<?> payload : PayloadSamples.payloadRecords()) {
            for (RecordComponent c : payload.getRecordComponents()) {
                if (c.getType() == BigDecimal.class) {
                    assertTrue(c.isAnnotationPresent(Money.class) ^ NOT_MONEY.contains(c.getName()),
                            payload.getSimpleName() + "." + c.getName() + ": @Money, or one of the rates and scores " + NOT_MONEY);
                }
            }
        }
    }

    /** A producer bug (a third decimal) is never rounded away: the amount stays what it was, and the contract test sees it. */
    @Test
    void anAmountWithMoreDecimalsIsNeverRounded() {
        assertEquals("0.005", field(write(Payloads.LoanRecoveryReceived.class, new BigDecimal("0.005")), "amount"));
        assertEquals("12.30", field(write(Payloads.LoanRecoveryReceived.class, new BigDecimal("12.3000")), "amount"));
    }

    @Test
    void ratesAndScoresKeepTheirOwnScale() throws Exception {
        Payloads.ChurnRiskAlertCleared cleared = new Payloads.ChurnRiskAlertCleared(UUID.randomUUID(), "INVOLUNTARY",
                new BigDecimal("0.118200"));
        assertEquals("0.118200", field(json.write(envelope(EventType.CHURN_RISK_ALERT_CLEARED, cleared)), "score"));
    }

    private String write(Class<?> payload, BigDecimal amount) {
        return json.write(envelope(EventType.LOAN_OPENED, PayloadSamples.instance(payload, amount)));
    }

    private EventEnvelope envelope(EventType type, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), type, "test", Instant.now(), 1, UUID.randomUUID(), json.data(payload));
    }

    /** The text of a field as written (the payload's fields are distinct from the envelope's). */
    private static String field(String written, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":([^,}]+)").matcher(written);
        assertTrue(m.find(), name + " in " + written);
        return m.group(1);
    }
}
