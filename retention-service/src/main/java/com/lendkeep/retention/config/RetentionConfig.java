package com.lendkeep.retention.config;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "retention")
public interface RetentionConfig {

    ControlGroup controlGroup();

    Playbook playbook();

    interface ControlGroup {
        /** Share of alerted customers held out, 0..1. */
        @WithDefault("0.10")
        double share();

        /** Changing the salt re-draws the groups; keep it fixed for a running experiment. */
        @WithDefault("lendkeep-2026")
        String salt();
    }

    interface Playbook {
        @WithDefault("3")
        int extensionMonths();

        @WithDefault("0.045")
        BigDecimal loyaltyRate();
    }
}
