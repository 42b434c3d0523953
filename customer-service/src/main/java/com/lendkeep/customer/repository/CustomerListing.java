package com.lendkeep.customer.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.lendkeep.customer.domain.Customer;
import com.lendkeep.customer.domain.CustomerType;
import com.lendkeep.customer.domain.Grade;
import com.lendkeep.customer.domain.LifecycleStage;
import com.lendkeep.customer.domain.RelationshipDepth;
import com.lendkeep.customer.domain.Tier;

/**
 * Pages of customers, filtered and sorted, always ending the order with the id so that a page
 * boundary is stable. Two ways to page: by offset ({@code page}), or by keyset ({@code after} = the
 * last id of the previous page), which costs the same at the end of the list as at its start.
 * Every filter and sort field has an index (V2 migration).
 */
@ApplicationScoped
public class CustomerListing {

    /** Fields a list may be sorted by, with their column (a whitelist: nothing else reaches the SQL). */
    public enum SortField {
        createdAt("created_at"), updatedAt("updated_at"), relationshipSince("relationship_since"), fullName("full_name");

        final String column;

        SortField(String column) {
            this.column = column;
        }

        public static Optional<SortField> parse(String name) {
            return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst();
        }

        public static String names() {
            return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
        }
    }

    public record Sort(SortField field, boolean descending) {
    }

    /** Null fields do not filter. */
    public record Filter(Tier tier, Grade grade, LifecycleStage stage, RelationshipDepth depth, String relationshipManager,
            String industry, CustomerType type, String externalRef) {
    }

    private final EntityManager em;

    public CustomerListing(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public List<Customer> page(Filter filter, Sort sort, UUID after, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        StringBuilder sql = new StringBuilder("SELECT c.* FROM customer c").append(where);
        String column = "c." + sort.field().column;
        String direction = sort.descending() ? "DESC" : "ASC";
        if (after != null) {
            // Row comparison on (field, id) walks the (field, id) index from the previous page's last row.
            params.add(after);
            sql.append(where.isEmpty() ? " WHERE " : " AND ")
                    .append("(").append(column).append(", c.id) ").append(sort.descending() ? "<" : ">")
                    .append(" (SELECT a.").append(sort.field().column).append(", a.id FROM customer a WHERE a.id = ?")
                    .append(params.size()).append(")");
        }
        sql.append(" ORDER BY ").append(column).append(' ').append(direction).append(", c.id ").append(direction);
        params.add(limit);
        sql.append(" LIMIT ?").append(params.size());
        params.add(offset);
        sql.append(" OFFSET ?").append(params.size());
        Query query = em.createNativeQuery(sql.toString(), Customer.class);
        bind(query, params);
        return query.getResultList();
    }

    public long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        Query query = em.createNativeQuery("SELECT count(*) FROM customer c" + where(filter, params), Long.class);
        bind(query, params);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String where(Filter f, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        condition(conditions, params, "c.tier", f.tier() == null ? null : f.tier().name());
        condition(conditions, params, "c.grade", f.grade() == null ? null : f.grade().name());
        condition(conditions, params, "c.lifecycle_stage", f.stage() == null ? null : f.stage().name());
        condition(conditions, params, "c.relationship_depth", f.depth() == null ? null : f.depth().name());
        condition(conditions, params, "c.relationship_manager", f.relationshipManager());
        condition(conditions, params, "c.industry", f.industry());
        condition(conditions, params, "c.customer_type", f.type() == null ? null : f.type().name());
        condition(conditions, params, "c.external_ref", f.externalRef());
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void condition(List<String> conditions, List<Object> params, String column, Object value) {
        if (value != null) {
            params.add(value);
            conditions.add(column + " = ?" + params.size());
        }
    }

    private static void bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
    }
}
