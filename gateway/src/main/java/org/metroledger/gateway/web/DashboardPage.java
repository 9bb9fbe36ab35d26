package org.metroledger.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.metroledger.chaincode.registry.EntityCategory;

/**
 * {@code /dashboard}: the supervision indicators of a region, province and category as of a day,
 * for regulators and the public. Coverage against the target, expiring certificates, pass rates
 * by month and entities by credit grade, each as a server-drawn chart with its figures beside it;
 * a breakdown by region or province; the named overdue list for inspectors and centre admins.
 */
final class DashboardPage {
    static final String PATH = "/dashboard";
    private static final String[] GRADES = {"A", "B", "C", "D"};

    private DashboardPage() {}

    static String render(Lang lang, Dashboard.View view) {
        return PageFrame.render(lang, Text.DASHBOARD_TITLE, PATH, view.query(), html -> {
            filters(html, lang, view);
            JsonNode figures = view.figures();
            html.element(
                    "p",
                    String.format(Text.DASH_AS_OF.in(lang), Field.of(figures, "day")),
                    "class",
                    "muted",
                    "id",
                    "as-of");
            coverage(html, lang, figures.path("coverage"));
            expiring(html, lang, figures.path("expiring"));
            passRates(html, lang, figures.path("passRates"));
            credit(html, lang, figures.path("credit"));
            places(html, lang, view.rows());
            overdue(html, lang, view);
            html.card(Text.DASH_HOW.in(lang));
            html.element("p", Text.DASH_HOW_TEXT.in(lang));
            html.close();
        });
    }

    private static void filters(Html html, Lang lang, Dashboard.View view) {
        Map<String, String> q = view.query();
        html.open("section", "class", "card");
        html.open("form", "method", "get", "action", PATH, "class", "filters", "id", "filters");
        html.open("label").text(Text.DASH_REGION.in(lang));
        html.open("select", "name", "region");
        option(html, "", Text.DASH_ALL.in(lang), q.get("region"));
        for (JsonNode region : view.regions()) {
            option(html, Field.of(region, "msp"), Field.of(region, "name"), q.get("region"));
        }
        html.close().close();
        html.open("label").text(Text.DASH_PROVINCE.in(lang));
        html.open("select", "name", "province");
        option(html, "", Text.DASH_ALL.in(lang), q.get("province"));
        for (JsonNode region : view.regions()) {
            region.path("provinces").forEach(p -> option(html, p.asText(), p.asText(), q.get("province")));
        }
        html.close().close();
        input(html, Text.DASH_CATEGORY.in(lang), "text", "category", q.get("category"));
        html.open("label").text(Text.DASH_ENTITY_CATEGORY.in(lang));
        html.open("select", "name", "entityCategory");
        option(html, "", Text.DASH_ALL.in(lang), q.get("entityCategory"));
        for (EntityCategory c : EntityCategory.values()) {
            option(html, c.name(), Text.term(c.name(), lang), q.get("entityCategory"));
        }
        html.close().close();
        input(html, Text.DASH_AT.in(lang), "date", "at", q.get("at"));
        input(html, Text.DASH_SINCE.in(lang), "date", "since", q.get("since"));
        if (lang == Lang.EN) {
            html.empty("input", "type", "hidden", "name", "lang", "value", "en");
        }
        html.element("button", Text.DASH_SHOW.in(lang), "type", "submit");
        html.close();
        html.close();
    }

    private static void coverage(Html html, Lang lang, JsonNode c) {
        html.card(Text.DASH_COVERAGE.in(lang), "card", "coverage");
        String ratio = Field.of(c, "ratio");
        String target = percent(Field.of(c, "target"));
        boolean met = c.path("met").asBoolean(false);
        html.element(
                "p",
                ratio.isEmpty() ? Text.DASH_NO_INSTRUMENTS.in(lang) : percent(ratio),
                "class",
                ratio.isEmpty() ? "headline" : met ? "headline met" : "headline below",
                "id",
                "coverage-ratio");
        html.element(
                "p",
                String.format(Text.DASH_TARGET.in(lang), target) + " · "
                        + (met ? Text.DASH_MET : Text.DASH_BELOW).in(lang),
                "id",
                "coverage-target");
        double value = ratio.isEmpty() ? 0 : Double.parseDouble(ratio);
        html.svg(BarChart.draw(
                "coverage-chart",
                Text.DASH_COVERAGE.in(lang),
                List.of(new BarChart.Group(Text.DASH_COVERAGE.in(lang), List.of(value), List.of(percent(ratio)))),
                1.0,
                Double.parseDouble(Field.of(c, "target")),
                String.format(Text.DASH_TARGET.in(lang), target)));
        Definitions.open(html, lang, "facts")
                .row(Text.DASH_MANDATORY, Field.of(c, "mandatory"), "mandatory")
                .row(Text.DASH_COVERED, Field.of(c, "covered"), "covered")
                .row(Text.DASH_OVERDUE, Field.of(c, "overdue"), "overdue")
                .close();
        html.close();
    }

    private static void expiring(Html html, Lang lang, JsonNode e) {
        html.card(Text.DASH_EXPIRING.in(lang), "card", "expiring");
        List<BarChart.Group> groups = new ArrayList<>();
        long max = 1;
        for (int days : new int[] {30, 60, 90}) {
            long n = e.path("within" + days).asLong();
            max = Math.max(max, n);
            groups.add(new BarChart.Group(
                    String.format(Text.DASH_WITHIN.in(lang), days), List.of((double) n), List.of(Long.toString(n))));
        }
        html.svg(BarChart.draw("expiring-chart", Text.DASH_EXPIRING.in(lang), groups, max * 1.15, null, null));
        html.close();
    }

    private static void passRates(Html html, Lang lang, JsonNode periods) {
        html.card(Text.DASH_PASS_RATES.in(lang), "card", "pass-rates");
        List<BarChart.Group> groups = new ArrayList<>();
        periods.forEach(p -> {
            String ratio = Field.of(p, "ratio");
            groups.add(new BarChart.Group(
                    Field.of(p, "from").substring(0, 7),
                    java.util.Arrays.asList(ratio.isEmpty() ? null : Double.parseDouble(ratio)),
                    List.of(ratio.isEmpty() ? "—" : percent(ratio))));
        });
        html.svg(BarChart.draw("pass-rate-chart", Text.DASH_PASS_RATES.in(lang), groups, 1.15, null, null));
        table(
                html,
                lang,
                "pass-rate-table",
                () -> periods.forEach(p -> {
                    html.open("tr");
                    html.element("td", Field.of(p, "from").substring(0, 7));
                    html.element("td", Field.of(p, "tested"), "class", "num");
                    html.element("td", Field.of(p, "passed"), "class", "num");
                    html.element(
                            "td", Field.of(p, "ratio").isEmpty() ? "—" : percent(Field.of(p, "ratio")), "class", "num");
                    html.close();
                }),
                Text.DASH_MONTH,
                Text.DASH_TESTED,
                Text.DASH_PASSED,
                Text.DASH_RATE);
        html.close();
    }

    private static void credit(Html html, Lang lang, JsonNode credit) {
        html.card(Text.DASH_CREDIT.in(lang), "card", "credit");
        List<BarChart.Group> groups = new ArrayList<>();
        long max = 1;
        for (String grade : GRADES) {
            long before = credit.path("before").path(grade).asLong();
            long now = credit.path("grades").path(grade).asLong();
            max = Math.max(max, Math.max(before, now));
            groups.add(new BarChart.Group(
                    grade, List.of((double) now, (double) before), List.of(Long.toString(now), Long.toString(before))));
        }
        html.open("p", "class", "legend");
        html.element("span", "■ " + Text.DASH_ENTITIES_NOW.in(lang), "class", "series-0");
        html.text(" ");
        html.element(
                "span",
                "■ " + Text.DASH_ENTITIES_SINCE.in(lang) + " " + Field.of(credit, "since"),
                "class",
                "series-1");
        html.close();
        html.svg(BarChart.draw("credit-chart", Text.DASH_CREDIT.in(lang), groups, max * 1.15, null, null));
        table(
                html,
                lang,
                "credit-table",
                () -> {
                    for (String grade : GRADES) {
                        long change = credit.path("change").path(grade).asLong();
                        html.open("tr", "id", "grade-" + grade);
                        html.element("td", grade);
                        html.element("td", Field.of(credit.path("grades"), grade), "class", "num");
                        html.element("td", Field.of(credit.path("before"), grade), "class", "num");
                        html.element("td", change > 0 ? "+" + change : Long.toString(change), "class", "num");
                        html.close();
                    }
                },
                Text.DASH_GRADE,
                Text.DASH_ENTITIES_NOW,
                Text.DASH_ENTITIES_SINCE,
                Text.DASH_CHANGE);
        html.close();
    }

    private static void places(Html html, Lang lang, List<Dashboard.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        html.card(Text.DASH_PLACES.in(lang), "card", "places");
        table(
                html,
                lang,
                "places-table",
                () -> {
                    for (Dashboard.Row row : rows) {
                        JsonNode c = row.figures().path("coverage");
                        html.open("tr");
                        html.open("td");
                        html.element("a", row.label(), "href", PageFrame.link(PATH, row.query(), lang));
                        html.close();
                        html.element("td", percent(Field.of(c, "ratio")), "class", "num");
                        html.element("td", Field.of(c, "mandatory"), "class", "num");
                        html.element("td", Field.of(c, "overdue"), "class", "num");
                        html.element("td", Field.of(row.figures().path("expiring"), "within30"), "class", "num");
                        html.close();
                    }
                },
                Text.DASH_PLACE,
                Text.DASH_COVERAGE,
                Text.DASH_MANDATORY,
                Text.DASH_OVERDUE,
                Text.DASH_EXPIRING);
        html.close();
    }

    private static void overdue(Html html, Lang lang, Dashboard.View view) {
        html.card(Text.DASH_OVERDUE_LIST.in(lang), "card", "overdue-list");
        JsonNode list = view.overdue();
        if (list == null) {
            html.open("p");
            html.element(
                    "a",
                    Text.DASH_OVERDUE_SIGN_IN.in(lang),
                    "href",
                    PageFrame.link("/login", Map.of("next", PATH), lang));
            html.close();
            html.close();
            return;
        }
        html.element(
                "p",
                String.format(
                        Text.DASH_OVERDUE_SHOWN.in(lang),
                        list.path("total").asLong(),
                        list.path("items").size()),
                "class",
                "muted");
        table(
                html,
                lang,
                "overdue-table",
                () -> list.path("items").forEach(item -> {
                    html.open("tr");
                    html.open("td");
                    html.element(
                            "a",
                            Field.of(item, "instrument"),
                            "href",
                            PageFrame.link(
                                    "/instruments/" + PageFrame.segment(Field.of(item, "instrument")), Map.of(), lang));
                    html.close();
                    html.element("td", Field.of(item, "province") + " · " + Field.of(item, "region"));
                    html.element("td", Field.of(item, "category"));
                    html.element("td", Field.of(item, "since"));
                    html.element("td", Field.of(item, "days"), "class", "num");
                    html.close();
                }),
                Text.INSTRUMENT,
                Text.DASH_PLACE,
                Text.DASH_CATEGORY,
                Text.DASH_OVERDUE_SINCE,
                Text.DASH_OVERDUE_DAYS);
        html.close();
    }

    /** A scrolling table: its header row, then the rows {@code body} writes. */
    private static void table(Html html, Lang lang, String id, Runnable body, Text... headings) {
        html.open("div", "class", "scroll");
        html.open("table", "id", id);
        html.open("thead").open("tr");
        for (Text heading : headings) {
            html.element("th", heading.in(lang));
        }
        html.close().close();
        html.open("tbody");
        body.run();
        html.close().close().close();
    }

    private static void option(Html html, String value, String label, String selected) {
        html.element(
                "option",
                label,
                "value",
                value,
                "selected",
                value.equals(selected == null ? "" : selected) ? "selected" : null);
    }

    private static void input(Html html, String label, String type, String name, String value) {
        html.open("label").text(label);
        html.empty("input", "type", type, "name", name, "value", value);
        html.close();
    }

    /** A decimal share as a percentage with one decimal: "0.9234" → "92.3%". */
    static String percent(String ratio) {
        if (ratio == null || ratio.isEmpty()) {
            return "—";
        }
        return new BigDecimal(ratio)
                        .movePointRight(2)
                        .setScale(1, java.math.RoundingMode.HALF_EVEN)
                        .toPlainString()
                + "%";
    }
}
