package org.metroledger.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metroledger.gateway.qr.ChinaDate;

/**
 * The capability catalogue (能力目录) at {@code /catalogue}: a GET form by category, quantity,
 * measuring range and region, and a card per hit with the lab, its accreditation, the CMC, its
 * legal-verification authorisations and whether its results count in the asker's region.
 */
final class CataloguePage {
    /** The form's fields, in the order shown, with their labels; the API's parameters of the same names. */
    private static final List<Map.Entry<String, Text>> TEXT_FIELDS = List.of(
            Map.entry("category", Text.CATEGORY),
            Map.entry("quantity", Text.QUANTITY),
            Map.entry("range", Text.MEASURING_RANGE));

    private CataloguePage() {}

    /**
     * @param query the parameters asked (non-blank ones), for the form and the language switch
     * @param regions the registered regions (msp, name)
     * @param page the catalogue's answer, or null when nothing was asked or it was refused
     * @param problem why the search was refused, or null
     */
    static String render(Lang lang, Map<String, String> query, List<JsonNode> regions, JsonNode page, String problem) {
        return PageFrame.render(lang, Text.CATALOGUE_TITLE, "/catalogue", query, html -> {
            html.element("p", Text.CATALOGUE_INTRO.in(lang), "class", "muted");
            form(html, lang, query, regions);
            if (problem != null) {
                html.element("p", problem, "class", "error", "id", "catalogue-problem");
            }
            if (page != null) {
                hits(html, lang, query, regions, page);
            }
        });
    }

    private static void form(Html html, Lang lang, Map<String, String> query, List<JsonNode> regions) {
        html.open("section", "class", "card");
        html.open("form", "method", "get", "action", "/catalogue", "class", "stack", "id", "catalogue-form");
        for (Map.Entry<String, Text> field : TEXT_FIELDS) {
            html.element("label", field.getValue().in(lang), "for", field.getKey());
            html.empty(
                    "input",
                    "type",
                    "text",
                    "name",
                    field.getKey(),
                    "id",
                    field.getKey(),
                    "maxlength",
                    "200",
                    "placeholder",
                    field.getKey().equals("range") ? "50 kg · 10-50 kg" : null,
                    "value",
                    query.getOrDefault(field.getKey(), ""));
        }
        select(html, lang, "region", Text.YOUR_REGION, query, regions);
        select(html, lang, "labRegion", Text.LAB_REGION, query, regions);
        if (lang == Lang.EN) {
            html.empty("input", "type", "hidden", "name", "lang", "value", "en");
        }
        html.element("button", Text.SEARCH.in(lang), "type", "submit", "id", "search");
        html.close();
        html.close();
    }

    private static void select(
            Html html, Lang lang, String name, Text label, Map<String, String> query, List<JsonNode> regions) {
        html.element("label", label.in(lang), "for", name);
        html.open("select", "name", name, "id", name);
        html.element("option", Text.ANY_REGION.in(lang), "value", "");
        RecognitionPage.regionOptions(html, regions, query.get(name));
        html.close();
    }

    private static void hits(Html html, Lang lang, Map<String, String> query, List<JsonNode> regions, JsonNode page) {
        Map<String, String> names = new LinkedHashMap<>();
        regions.forEach(r -> names.put(Field.of(r, "msp"), Field.of(r, "name")));
        JsonNode items = page.path("items");
        html.open("section", "id", "hits");
        if (items.isEmpty()) {
            html.element("p", Text.CATALOGUE_NONE.in(lang), "class", "muted", "id", "no-hits");
        }
        for (JsonNode hit : items) {
            hit(html, lang, names, hit);
        }
        String bookmark = Field.of(page, "bookmark");
        if (bookmark != null && !bookmark.isEmpty()) {
            Map<String, String> next = new LinkedHashMap<>(query);
            next.put("bookmark", bookmark);
            html.element(
                    "a", Text.NEXT_PAGE.in(lang), "id", "next-page", "href", PageFrame.link("/catalogue", next, lang));
        }
        html.close();
    }

    private static void hit(Html html, Lang lang, Map<String, String> regionNames, JsonNode hit) {
        String labId = Field.of(hit, "lab", "id");
        html.open("article", "class", "card hit", "id", "hit-" + labId + "-" + Field.of(hit, "capability", "line"));
        html.element("h2", Field.of(hit, "lab", "name"));
        html.element("p", labId + " · " + region(regionNames, Field.of(hit, "lab", "region")), "class", "muted");
        html.open("dl");
        row(
                html,
                lang,
                Text.CAPABILITY,
                Field.of(hit, "capability", "category") + " · " + Field.of(hit, "capability", "quantity") + " · "
                        + Field.of(hit, "capability", "range"));
        row(html, lang, Text.CMC, Field.of(hit, "capability", "cmcUncertainty"));
        row(
                html,
                lang,
                Text.ACCREDITATION,
                Field.of(hit, "accreditation", "body") + " " + Field.of(hit, "accreditation", "number") + " · "
                        + Text.VALID_UNTIL.in(lang) + " "
                        + ChinaDate.date(Field.of(hit, "accreditation", "validUntil")));
        html.element("dt", Text.AUTHORISATIONS.in(lang));
        html.open("dd", "class", "authorisations");
        JsonNode authorisations = hit.path("authorisations");
        if (authorisations.isEmpty()) {
            html.text(Text.AUTHORISATIONS_NONE.in(lang));
        } else {
            html.open("ul");
            for (JsonNode a : authorisations) {
                html.element(
                        "li",
                        region(regionNames, Field.of(a, "region")) + " · " + Text.VALID_UNTIL.in(lang) + " "
                                + ChinaDate.date(Field.of(a, "validUntil")));
            }
            html.close();
        }
        html.close();
        html.close();
        JsonNode recognition = hit.path("recognition");
        if (Field.present(recognition)) {
            boolean counts = recognition.path("counts").asBoolean(false);
            // Field.of answers "" for a field the hit leaves out: the lab's own region names no agreement.
            String agreement = Field.of(recognition, "agreementId");
            String where = region(regionNames, Field.of(recognition, "region"));
            html.element(
                    "p",
                    counts
                            ? Text.COUNTS_IN.in(lang) + " " + where + " · "
                                    + (agreement.isEmpty()
                                            ? Text.TERM_OWN_REGION.in(lang)
                                            : Text.TERM_AGREEMENT.in(lang) + " " + agreement)
                            : Text.NOT_COUNTS_IN.in(lang) + " " + where,
                    "class",
                    "recognition " + (counts ? "verdict-valid" : "verdict-invalid"));
        }
        html.close();
    }

    private static void row(Html html, Lang lang, Text name, String value) {
        html.element("dt", name.in(lang));
        html.element("dd", value);
    }

    private static String region(Map<String, String> names, String msp) {
        String name = names.get(msp);
        return name == null ? msp : name + " (" + msp + ")";
    }
}
