package org.metroledger.gateway.web;

import java.util.Map;

/** A plain page for a refusal or a fault: what went wrong, in words, with the error code. */
final class ProblemPage {
    private ProblemPage() {}

    static String render(Lang lang, Text title, String code, String message) {
        return PageFrame.render(lang, title, "/", Map.of(), html -> {
            html.open("section", "class", "card");
            html.element("p", code, "class", "verdict-code", "id", "problem-code");
            html.element("p", message, "id", "problem-message");
            html.close();
        });
    }
}
