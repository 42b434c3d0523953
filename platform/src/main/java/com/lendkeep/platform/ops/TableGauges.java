package com.lendkeep.platform.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;

/**
 * Business gauges a service reads from its own tables (alerts open by level, interventions by
 * status...). Each service lists them in a {@link Catalog} bean; {@link OpsSampler} refreshes them,
 * so a scrape never queries the database. A group that no longer has rows reads 0.
 */
@ApplicationScoped
public class TableGauges {

    /**
     * One gauge: {@code sql} returns one row per group, the label values first (in the order of
     * {@code labels}), the value last.
     */
    public record Definition(String name, String description, String baseUnit, List<String> labels, String sql) {
    }

    /** The gauges of one service. */
    public interface Catalog {
        List<Definition> gauges();
    }

    private final AgroalDataSource dataSource;
    private final MeterRegistry registry;
    private final List<Definition> definitions = new ArrayList<>();
    private final Map<String, AtomicReference<Double>> values = new ConcurrentHashMap<>();

    public TableGauges(AgroalDataSource dataSource, MeterRegistry registry, Instance<Catalog> catalogs) {
        this.dataSource = dataSource;
        this.registry = registry;
        catalogs.forEach(c -> definitions.addAll(c.gauges()));
    }

    void sample() throws SQLException {
        if (definitions.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            for (Definition d : definitions) {
                Set<String> seen = new HashSet<>();
                try (PreparedStatement s = c.prepareStatement(d.sql()); ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        List<Tag> tags = new ArrayList<>();
                        for (int i = 0; i < d.labels().size(); i++) {
                            String value = rs.getString(i + 1);
                            tags.add(Tag.of(d.labels().get(i), value == null ? "none" : value));
                        }
                        String key = d.name() + tags;
                        seen.add(key);
                        gauge(d, key, tags).set(rs.getDouble(d.labels().size() + 1));
                    }
                }
                values.forEach((key, value) -> {
                    if (key.startsWith(d.name() + "[") && !seen.contains(key)) {
                        value.set(0.0);
                    }
                });
            }
        }
    }

    private AtomicReference<Double> gauge(Definition d, String key, List<Tag> tags) {
        return values.computeIfAbsent(key, k -> {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            Gauge.builder(d.name(), value, AtomicReference::get).description(d.description()).baseUnit(d.baseUnit())
                    .tags(tags).register(registry);
            return value;
        });
    }
}
