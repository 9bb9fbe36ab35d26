package org.metroledger.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.metroledger.gateway.qr.ChinaDate;

/** An integrity commitment: its pledges and when it is in effect. */
final class Commitments {
    private Commitments() {}

    static void render(Html html, Lang lang, JsonNode commitment) {
        if (!Field.present(commitment)) {
            html.element("p", Text.COMMITMENT_NONE.in(lang), "class", "muted", "id", "commitment");
            return;
        }
        html.open("div", "class", "commitment", "id", "commitment");
        String to = Field.of(commitment, "effectiveTo");
        html.element(
                "p",
                Text.EFFECTIVE.in(lang) + " " + ChinaDate.date(Field.of(commitment, "effectiveFrom")) + " – "
                        + (to.isEmpty() ? "" : ChinaDate.date(to)) + " · "
                        + Text.term(Field.of(commitment, "status"), lang),
                "class",
                "muted");
        html.open("ul", "class", "pledges");
        for (JsonNode item : commitment.path("items")) {
            String text = Field.of(item, "text");
            html.element("li", Pledges.describe(Field.of(item, "kind"), lang) + (text.isEmpty() ? "" : "：" + text));
        }
        html.close();
        html.close();
    }
}
