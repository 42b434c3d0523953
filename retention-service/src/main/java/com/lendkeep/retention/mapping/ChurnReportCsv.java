package com.lendkeep.retention.mapping;

import java.util.Objects;

import com.lendkeep.retention.api.ChurnReport;

/**
 * The churn report as one CSV table in long form, {@code section,key,metric,value}: every figure of
 * the JSON report on its own row, so that a spreadsheet can pivot it.
 */
public final class ChurnReportCsv {
    private ChurnReportCsv() {
    }

    public static String write(ChurnReport r) {
        StringBuilder out = new StringBuilder("section,key,metric,value\n");
        row(out, "period", "", "from", r.from());
        row(out, "period", "", "to", r.to());
        row(out, "period", "", "asOf", r.asOf());
        row(out, "period", "", "observationDays", r.observationDays());
        ChurnReport.Population p = r.population();
        row(out, "population", "", "alertedCustomers", p.alertedCustomers());
        row(out, "population", "", "decided", p.decided());
        row(out, "population", "", "pending", p.pending());
        row(out, "population", "", "retained", p.retained());
        row(out, "population", "", "churned", p.churned());
        row(out, "population", "", "churnedVoluntary", p.churnedVoluntary());
        row(out, "population", "", "churnedInvoluntary", p.churnedInvoluntary());
        r.churnByTypeAndCause().forEach(g -> row(out, "churnByTypeAndCause", g.churnType() + "/" + g.cause(), "customers", g.customers()));
        for (ChurnReport.Month m : r.churnByMonth()) {
            row(out, "churnByMonth", m.month(), "alerted", m.alerted());
            row(out, "churnByMonth", m.month(), "decided", m.decided());
            row(out, "churnByMonth", m.month(), "churned", m.churned());
            row(out, "churnByMonth", m.month(), "voluntary", m.voluntary());
            row(out, "churnByMonth", m.month(), "involuntary", m.involuntary());
            row(out, "churnByMonth", m.month(), "churnRate", m.churnRate());
        }
        ChurnReport.Loss l = r.loss();
        row(out, "loss", "involuntary", "customers", l.involuntary().customers());
        row(out, "loss", "involuntary", "unrecoveredPrincipal", l.involuntary().unrecoveredPrincipal());
        row(out, "loss", "involuntary", "unrecoveredInterest", l.involuntary().unrecoveredInterest());
        row(out, "loss", "involuntary", "total", l.involuntary().total());
        row(out, "loss", "voluntary", "customers", l.voluntary().customers());
        row(out, "loss", "voluntary", "interestIncomeLost", l.voluntary().interestIncomeLost());
        row(out, "loss", "voluntary", "loansWithoutTerms", l.voluntary().loansWithoutTerms());
        row(out, "loss", "", "total", l.total());
        for (ChurnReport.KindStats k : r.interventionsByKind()) {
            String key = k.kind().name();
            row(out, "interventionsByKind", key, "proposed", k.proposed());
            row(out, "interventionsByKind", key, "offered", k.offered());
            row(out, "interventionsByKind", key, "accepted", k.accepted());
            row(out, "interventionsByKind", key, "declined", k.declined());
            row(out, "interventionsByKind", key, "expired", k.expired());
            row(out, "interventionsByKind", key, "applied", k.applied());
            row(out, "interventionsByKind", key, "acceptanceRate", k.acceptanceRate());
            row(out, "interventionsByKind", key, "cost", k.cost());
        }
        ChurnReport.Uplift u = r.uplift();
        group(out, "treatment", u.treatment());
        group(out, "control", u.control());
        row(out, "uplift", "", "treatedWithOffer", u.treatedWithOffer());
        row(out, "uplift", "", "uplift", u.uplift());
        row(out, "uplift", "", "note", u.note());
        int n = 1;
        for (ChurnReport.Recommendation rec : r.recommendations()) {
            String key = Integer.toString(n++);
            row(out, "recommendations", key, "cause", rec.cause());
            row(out, "recommendations", key, "churnedCustomers", rec.churnedCustomers());
            row(out, "recommendations", key, "recommendation", rec.recommendation());
            row(out, "recommendations", key, "basis", rec.basis());
        }
        return out.toString();
    }

    private static void group(StringBuilder out, String key, ChurnReport.Group g) {
        row(out, "uplift", key, "customers", g.customers());
        row(out, "uplift", key, "decided", g.decided());
        row(out, "uplift", key, "retained", g.retained());
        row(out, "uplift", key, "churned", g.churned());
        row(out, "uplift", key, "retentionRate", g.retentionRate());
    }

    private static void row(StringBuilder out, String section, String key, String metric, Object value) {
        out.append(section).append(',').append(cell(key)).append(',').append(metric).append(',')
                .append(cell(value instanceof java.math.BigDecimal b ? b.toPlainString() : Objects.toString(value, ""))).append('\n');
    }

    /** RFC 4180: quote a cell with a comma, quote or line break, doubling quotes. */
    static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
