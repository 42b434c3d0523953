package com.lendkeep.customer.domain.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.domain.CollateralType;
import com.lendkeep.customer.domain.CustomerType;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The rules as configured in application.properties (test profile), and a builder of facts, for plain unit tests. */
final class ConfiguredRules {

    static final CustomerConfig CONFIG = load();
    static final LocalDate AS_OF = LocalDate.of(2027, 6, 15);
    static final BigDecimal CENT = new BigDecimal("0.01");

    private ConfiguredRules() {
    }

    private static CustomerConfig load() {
        try {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withProfile("test")
                    .addDefaultInterceptors()
                    .withSources(new PropertiesConfigSource(ConfiguredRules.class.getClassLoader().getResource("application.properties")))
                    .withMapping(CustomerConfig.class)
                    .build();
            return config.getConfigMapping(CustomerConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Facts facts() {
        return new Facts();
    }

    static LoanFacts active(String outstanding) {
        BigDecimal amount = new BigDecimal(outstanding);
        return new LoanFacts(amount, amount, BigDecimal.ZERO, null, AS_OF.minusYears(10), null, null, "ACTIVE");
    }

    static LoanFacts closed(String principal, String interestPaid, String status, LocalDate closedOn) {
        return new LoanFacts(new BigDecimal(principal), BigDecimal.ZERO, new BigDecimal(interestPaid), null, AS_OF.minusYears(10),
                null, closedOn, status);
    }

    /** A mutable builder: every test states only the facts it is about. */
    static final class Facts {
        LocalDate since = AS_OF.minusYears(10);
        String industry = "HEALTHCARE";
        CollateralType collateralType;
        BigDecimal collateralValue;
        ScoreFacts score;
        int contacts;
        final List<LoanFacts> loans = new ArrayList<>();

        Facts since(LocalDate value) {
            since = value;
            return this;
        }

        Facts industry(String value) {
            industry = value;
            return this;
        }

        Facts collateral(CollateralType type, String value) {
            collateralType = type;
            collateralValue = new BigDecimal(value);
            return this;
        }

        Facts score(int value) {
            score = new ScoreFacts(value, "EXPERIAN", AS_OF.minusDays(3));
            return this;
        }

        Facts contacts(int value) {
            contacts = value;
            return this;
        }

        Facts loan(LoanFacts loan) {
            loans.add(loan);
            return this;
        }

        CustomerFacts build() {
            return new CustomerFacts(AS_OF, CustomerType.SME, since, industry, collateralType, collateralValue, score, contacts, loans);
        }
    }
}
