package com.lendkeep.risk.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.lendkeep.risk.domain.LoanState;

/**
 * The hand-written loans JSON against the oracle it replaced: Jackson's data binding of {@link LoanState}, configured as
 * the codec was. On random loans (every field null or set, rates of any scale, also in exponent form) both write the
 * same text, and both read any such text into the same loans, so rows written before and after the change read alike.
 */
class StateCodecTest {

    private static final ObjectMapper JACKSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final TypeReference<List<LoanState>> LOANS = new TypeReference<>() {
    };

    @Test
    void writesWhatDataBindingWrites() throws Exception {
        Random random = new Random(20261207);
        for (int i = 0; i < 5_000; i++) {
            List<LoanState> loans = randomLoans(random);
            assertEquals(JACKSON.writeValueAsString(loans), StateCodec.write(loans));
        }
    }

    @Test
    void readsWhatDataBindingReads() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            String json = JACKSON.writeValueAsString(randomLoans(random));
            List<LoanState> expected = json.equals("[]") ? List.of() : JACKSON.readValue(json, LOANS);
            assertEquals(describe(expected), describe(StateCodec.loans(json)), json);
        }
    }

    @Test
    void readsNullsAndUnknownFieldsAsDefaults() {
        List<LoanState> loans = StateCodec.loans("[{\"loanId\":\"" + new UUID(1, 2) + "\",\"daysPastDue\":3,\"annualRate\":null,"
                + "\"later\":{\"a\":[1,2]},\"delinquentSince\":null}]");
        assertEquals("[" + new UUID(1, 2) + " 3 null 0 null null null]", describe(loans));
    }

    private static List<LoanState> randomLoans(Random random) {
        int n = random.nextInt(4);
        List<LoanState> loans = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LoanState l = LoanState.of(new UUID(random.nextLong(), random.nextLong()));
            l.daysPastDue = random.nextBoolean() ? 0 : random.nextInt(400);
            l.consecutiveMissed = random.nextBoolean() ? 0 : random.nextInt(12);
            l.delinquentSince = random.nextBoolean() ? null : date(random);
            l.maturityDate = random.nextBoolean() ? null : date(random);
            l.forbearanceUntil = random.nextInt(4) == 0 ? date(random) : null;
            l.annualRate = switch (random.nextInt(5)) {
                case 0 -> null;
                case 1 -> new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(8)); // 0.0525, 5.25, 0.00000
                case 2 -> new BigDecimal(random.nextInt(1000) + "E" + (random.nextInt(9) - 4)); // exponent form: 5E+1, 12E-4
                case 3 -> BigDecimal.valueOf(random.nextDouble());
                default -> new BigDecimal("0.06");
            };
            loans.add(l);
        }
        return loans;
    }

    private static LocalDate date(Random random) {
        return LocalDate.of(2000, 1, 1).plusDays(random.nextInt(20_000));
    }

    /** Every field, the rate with its scale (toString shows it): equal texts mean equal loans. */
    private static String describe(List<LoanState> loans) {
        return loans.stream().map(l -> l.loanId + " " + l.daysPastDue + " " + l.delinquentSince + " " + l.consecutiveMissed + " "
                + l.annualRate + " " + l.maturityDate + " " + l.forbearanceUntil).toList().toString();
    }
}
