package org.metroledger.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;

/** An entity's credit grade as a large letter with its score, coloured by grade. */
final class CreditBadge {
    private CreditBadge() {}

    static void render(Html html, Lang lang, JsonNode rating) {
        html.open("div", "class", "credit");
        html.element("span", Text.CREDIT_GRADE.in(lang), "class", "credit-label");
        if (!Field.present(rating)) {
            html.element("span", Text.UNAVAILABLE.in(lang), "class", "grade grade-none", "id", "credit-grade");
            html.close();
            return;
        }
        String grade = Field.of(rating, "grade");
        html.element(
                "span",
                grade,
                "class",
                "grade grade-" + grade.toLowerCase(java.util.Locale.ROOT),
                "id",
                "credit-grade");
        html.element(
                "span", Text.SCORE.in(lang) + " " + Field.of(rating, "score"), "class", "score", "id", "credit-score");
        html.close();
    }
}
