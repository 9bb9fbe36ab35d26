package org.metroledger.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.metroledger.gateway.qr.ChinaDate;

/**
 * The public way in: the home page ({@code /}) with a look-up form for a certificate, an
 * instrument and an entity, and the instrument and entity pages those forms lead to. Plain GET
 * forms, so they work without JavaScript.
 */
final class LookupPages {
    private LookupPages() {}

    static String home(Lang lang) {
        return PageFrame.render(lang, Text.HOME_TITLE, "/", Map.of(), html -> {
            html.element("p", Text.HOME_INTRO.in(lang), "class", "muted");
            form(html, lang, Text.LOOK_UP_CERTIFICATE, "/certificates", Text.CERTIFICATE_NO, "certificate-id");
            form(html, lang, Text.LOOK_UP_INSTRUMENT, "/instruments", Text.INSTRUMENT_ID, "instrument-id");
            form(html, lang, Text.LOOK_UP_ENTITY, "/entities", Text.ENTITY_ID, "entity-id");
            html.card(Text.MORE_PAGES.in(lang));
            html.open("ul", "class", "links", "id", "more-pages");
            link(html, lang, "/dashboard", Text.NAV_DASHBOARD, Text.DASHBOARD_EXPLAIN);
            link(html, lang, "/recognition", Text.NAV_RECOGNITION, Text.RECOGNITION_EXPLAIN);
            link(html, lang, "/catalogue", Text.NAV_CATALOGUE, Text.CATALOGUE_EXPLAIN);
            link(html, lang, "/ledger", Text.NAV_LEDGER, Text.LEDGER_EXPLAIN);
            link(html, lang, "/login", Text.NAV_INSPECT, Text.INSPECT_EXPLAIN);
            html.close();
            html.close();
        });
    }

    /** One look-up: a GET form whose single field {@code id} the route turns into the page's path. */
    private static void form(Html html, Lang lang, Text heading, String action, Text label, String id) {
        html.card(heading.in(lang));
        html.open("form", "method", "get", "action", action, "class", "stack", "id", id + "-form");
        html.element("label", label.in(lang), "for", id);
        html.empty(
                "input",
                "type",
                "text",
                "name",
                "id",
                "id",
                id,
                "maxlength",
                "128",
                "required",
                "",
                "autocomplete",
                "off");
        if (lang == Lang.EN) {
            html.empty("input", "type", "hidden", "name", "lang", "value", "en");
        }
        html.element("button", Text.LOOK_UP.in(lang), "type", "submit");
        html.close();
        html.close();
    }

    private static void link(Html html, Lang lang, String path, Text name, Text explain) {
        html.open("li");
        html.element("a", name.in(lang), "href", PageFrame.link(path, Map.of(), lang));
        html.element("span", " · " + explain.in(lang), "class", "muted");
        html.close();
    }

    /**
     * @param certificates the instrument's certificates in issue order (certificate:ListBySubject)
     */
    static String instrument(
            Lang lang, String path, VerificationPage.Surroundings around, List<JsonNode> certificates) {
        return PageFrame.render(lang, Text.INSTRUMENT_TITLE, path, Map.of(), html -> {
            VerificationPage.instrument(html, lang, around.instrument());
            html.card(Text.CERTIFICATES.in(lang));
            if (certificates.isEmpty()) {
                html.element("p", Text.CERTIFICATES_NONE.in(lang), "class", "muted", "id", "certificates");
            } else {
                html.open("div", "class", "scroll");
                html.open("table", "id", "certificates");
                html.open("tr");
                for (Text heading :
                        List.of(Text.CERTIFICATE_NO, Text.KIND, Text.CONFORMITY, Text.VALID_UNTIL, Text.STATUS)) {
                    html.element("th", heading.in(lang));
                }
                html.close();
                // Newest first: the one a reader wants is the last issued.
                for (int i = certificates.size() - 1; i >= 0; i--) {
                    JsonNode c = certificates.get(i);
                    String id = Field.of(c, "id");
                    html.open("tr");
                    html.open("td");
                    html.element(
                            "a", id, "href", PageFrame.link("/certificates/" + PageFrame.segment(id), Map.of(), lang));
                    html.close();
                    html.element("td", Text.term(Field.of(c, "kind"), lang));
                    html.element("td", Text.conformity(Field.of(c, "conformity"), lang));
                    html.element("td", ChinaDate.date(Field.of(c, "validUntil")));
                    html.element("td", Text.term(Field.of(c, "status"), lang));
                    html.close();
                }
                html.close();
                html.close();
            }
            html.close();
            VerificationPage.owner(html, lang, around);
        });
    }

    /** An entity's public face: who it is, its credit grade and its integrity commitment. */
    static String entity(Lang lang, String path, VerificationPage.Surroundings around) {
        return PageFrame.render(lang, Text.ENTITY_TITLE, path, Map.of(), html -> {
            VerificationPage.owner(html, lang, around);
            html.element(
                    "a",
                    Text.INSPECTOR_VIEW.in(lang),
                    "id",
                    "inspector-view",
                    "href",
                    PageFrame.link(
                            "/inspect/entities/" + PageFrame.segment(Field.of(around.entity(), "id")), Map.of(), lang));
        });
    }
}
