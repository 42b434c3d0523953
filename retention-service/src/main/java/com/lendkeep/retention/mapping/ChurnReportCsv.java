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
        row(out, "period", "", "businessDate", r.businessDate());
        ChurnReport.Definitions d = r.definitions();
        row(out, "definitions", "", "defaultDaysPastDue", d.defaultDaysPastDue());
        row(out, "definitions", "", "involuntaryWindowDays", d.involuntaryWindowDays());
        row(out, "definitions", "", "voluntaryWindowDays", d.voluntaryWindowDays());
        row(out, "definitions", "", "renewalDays", d.renewalDays());
        ChurnReport.Population p = r.population();
        row(out, "population", "", "alertedCustomers", p.alertedCustomers());
        row(out, "population", "", "decided", p.decided());
        row(out, "population", "", "pending", p.pending());
        row(out, "population", "", "retained", p.retained());
        row(out, "population", "", "churned", p.churned());
        row(out, "population", "", "churnedVoluntary", p.churnedVoluntary());
        row(out, "population", "", "churnedInvoluntary", p.churnedInvoluntary());
        r.churnByTypeAndCause().forEach(g -> row(out, "churnByTypeAndCause", g.churnType() + "/" + g.cause(), "customers", g.customers()));
        r.churnByTrigger().forEach(g -> row(out, "churnByTrigger", g.churnType() + "/" + g.trigger(), "customers", g.customers()));
        for (ChurnReport.Month m : r.churnByMonth()) {
            row(out, "churnByMonth", m.month(), "alerted", m.alerted());
            row(out, "churnByMonth", m.month(), "decided", m.decided());
            row(out, "churnByMonth", m.month(), "retained", m.retained());
            row(out, "churnByMonth", m.month(), "churned", m.churned());
            row(out, "churnByMonth", m.month(), "voluntary", m.voluntary());
            row(out, "churnByMonth", m.month(), "involuntary", m.involuntary());
            row(out, "churnByMonth", m.month(), "churnRate", m.churnRate());
        }
        ChurnReport.Loss l = r.loss();
        row(out, "loss", "involuntary", "customers", l.involuntary().customers());
        row(out, "loss", "involuntary", "unrecoveredPrincipal", l.involuntary().unrecoveredPrincipal());
        row(out, "loss", "involuntary", "unrecoveredInterest", l.involuntary().unrecoveredInterest());
        row(out, "loss", "involuntary", "writtenOffFees", l.involuntary().writtenOffFees());
        row(out, "loss", "involuntary", "total", l.involuntary().total());
        row(out, "loss", "involuntary", "defaultedLoans", l.involuntary().defaultedLoans());
        row(out, "loss", "involuntary", "defaultedExposure", l.involuntary().defaultedExposure());
        row(out, "loss", "involuntary", "exposureUnknown", l.involuntary().exposureUnknown());
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
            interval(out, "interventionsByKind", key, "acceptanceRate", k.acceptanceInterval());
            row(out, "interventionsByKind", key, "cost", k.cost());
            comparison(out, "upliftByKind", key + "/intentionToTreat", k.intentionToTreat());
            comparison(out, "upliftByKind", key + "/treatedWithOffer", k.treatedWithOffer());
        }
        ChurnReport.Uplift u = r.uplift();
        comparison(out, "uplift", "intentionToTreat", u.intentionToTreat());
        comparison(out, "uplift", "treatedWithOffer", u.treatedWithOffer());
        row(out, "uplift", "", "method", u.method());
        row(out, "uplift", "", "note", u.note());
        int n = 1;
        for (ChurnReport.Recommendation rec : r.recommendations()) {
            String key = Integer.toString(n++);
            row(out, "recommendations", key, "cause", rec.cause());
            row(out, "recommendations", key, "churnedCustomers", rec.churnedCustomers());
            row(out, "recommendations", key, "recommendation", rec.recommendation());
            row(out, "recommendations", key, "basis", rec.basis());
            row(out, "recommendations", key, "evidence", rec.evidence());
        }
        return out.toString();
    }

    private static void comparison(StringBuilder out, String section, String key, ChurnReport.Comparison c) {
        group(out, section, key + "/treatment", c.treatment());
        group(out, section, key + "/control", c.control());
        row(out, section, key, "difference", c.difference());
        interval(out, section, key, "difference", c.interval95());
        row(out, section, key, "pValue", c.pValue());
        row(out, section, key, "sufficient", c.sufficient());
        row(out, section, key, "minimumGroup", c.minimumGroup());
        row(out, section, key, "perGroupFor5Points", c.perGroupFor5Points());
        row(out, section, key, "conclusion", c.conclusion());
    }

    private static void interval(StringBuilder out, String section, String key, String metric, ChurnReport.Interval i) {
        row(out, section, key, metric + "Lower95", i == null ? null : i.lower());
        row(out, section, key, metric + "Upper95", i == null ? null : i.upper());
    }

    private static void group(StringBuilder out, String section, String key, ChurnReport.Group g) {
        row(out, section, key, "customers", g.customers());
        row(out, section, key, "decided", g.decided());
        row(out, section, key, "retained", g.retained());
        row(out, section, key, "churned", g.churned());
        row(out, section, key, "retentionRate", g.retentionRate());
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
