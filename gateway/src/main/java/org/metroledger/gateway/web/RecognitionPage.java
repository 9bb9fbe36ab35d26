package org.metroledger.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A province's question: does region R accept this certificate? A form, and below it the answer
 * with its reasons (recognition:Evaluate).
 */
final class RecognitionPage {
    private RecognitionPage() {}

    /**
     * @param regions the registered regions (msp, name) for the choice
     * @param answer the ledger's answer, or null before anything was asked
     * @param problem why the question could not be answered, or null
     */
    static String render(
            Lang lang, String certificate, String region, List<JsonNode> regions, JsonNode answer, String problem) {
        Map<String, String> query = new LinkedHashMap<>();
        if (certificate != null) {
            query.put("certificate", certificate);
        }
        if (region != null) {
            query.put("region", region);
        }
        return PageFrame.render(lang, Text.RECOGNITION_TITLE, "/recognition", query, html -> {
            html.open("section", "class", "card");
            html.open("form", "method", "get", "action", "/recognition", "class", "stack");
            html.element("label", Text.CERTIFICATE_NO.in(lang), "for", "certificate");
            html.empty(
                    "input",
                    "type",
                    "text",
                    "name",
                    "certificate",
                    "id",
                    "certificate",
                    "maxlength",
                    "128",
                    "required",
                    "",
                    "value",
                    certificate == null ? "" : certificate);
            html.element("label", Text.REGION.in(lang), "for", "region");
            html.open("select", "name", "region", "id", "region");
            regionOptions(html, regions, region);
            html.close();
            if (lang == Lang.EN) {
                html.empty("input", "type", "hidden", "name", "lang", "value", "en");
            }
            html.element("button", Text.ASK.in(lang), "type", "submit", "id", "ask");
            html.close();
            html.close();
            if (problem != null) {
                html.element("p", problem, "class", "error", "id", "recognition-problem");
            }
            if (answer != null) {
                answer(html, lang, answer);
            }
        });
    }

    /** An option per registered region, "name (msp)", the one given selected. */
    static void regionOptions(Html html, List<JsonNode> regions, String selected) {
        for (JsonNode r : regions) {
            String msp = Field.of(r, "msp");
            html.element(
                    "option",
                    Field.of(r, "name") + " (" + msp + ")",
                    "value",
                    msp,
                    "selected",
                    msp.equals(selected) ? "" : null);
        }
    }

    private static void answer(Html html, Lang lang, JsonNode answer) {
        boolean recognised = answer.path("recognised").asBoolean(false);
        html.open("section", "class", "verdict " + (recognised ? "verdict-valid" : "verdict-invalid"), "id", "verdict");
        html.element(
                "p",
                (recognised ? Text.RECOGNISED : Text.NOT_RECOGNISED).in(lang),
                "class",
                "verdict-word",
                "id",
                "verdict-word");
        html.element(
                "p", Field.of(answer, "certificateId") + " → " + Field.of(answer, "region"), "class", "verdict-code");
        html.close();
        html.card(Text.REASONS.in(lang));
        html.open("ul", "class", "checks", "id", "reasons");
        for (JsonNode reason : answer.path("reasons")) {
            // The contract gives reasons as sentences; an itemised {name, ok, detail} is shown too.
            if (reason.isTextual()) {
                html.element("li", reason.asText());
                continue;
            }
            boolean ok = reason.path("ok").asBoolean(false);
            html.open("li", "class", ok ? "check-ok" : "check-failed");
            html.element("span", ok ? "✔" : "✘", "class", "mark");
            html.element("strong", Text.term(Field.of(reason, "name"), lang));
            html.element("span", Field.of(reason, "detail"), "class", "detail");
            html.close();
        }
        html.close();
        html.close();
    }
}
