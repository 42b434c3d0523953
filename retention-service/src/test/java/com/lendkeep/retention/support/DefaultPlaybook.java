package com.lendkeep.retention.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.retention.rules.PlaybookRule;

/** The default playbook exactly as the migration seeds it, so that rule tests follow the seed. */
public final class DefaultPlaybook {
    private DefaultPlaybook() {
    }

    public static List<PlaybookRule> rules() {
        try (InputStream in = DefaultPlaybook.class.getResourceAsStream("/db/migration/V3__default_playbook.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("'(\\[.*\\])'\\);", Pattern.DOTALL).matcher(sql);
            if (!m.find()) {
                throw new IllegalStateException("no snapshot in the default playbook migration");
            }
            return new ObjectMapper().readValue(m.group(1).replace("''", "'"), new TypeReference<List<PlaybookRule>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PlaybookRule rule(String id) {
        return rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no default rule " + id));
    }
}
