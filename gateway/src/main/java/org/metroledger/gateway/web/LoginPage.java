package org.metroledger.gateway.web;

import java.util.Map;

/**
 * The inspector's sign-in form: the bearer token opens a server-side session, whose random id goes
 * into an HttpOnly cookie, never a script.
 */
final class LoginPage {
    private LoginPage() {}

    /** @param csrf the browser's CSRF token, posted with each form */
    static String render(Lang lang, String next, boolean failed, String signedInAs, String csrf) {
        return PageFrame.render(lang, Text.SIGN_IN_TITLE, "/login", Map.of(), html -> {
            html.open("section", "class", "card");
            if (failed) {
                html.element("p", Text.SIGN_IN_FAILED.in(lang), "class", "error", "id", "login-error");
            }
            if (signedInAs != null) {
                html.element("p", signedInAs, "class", "muted", "id", "signed-in-as");
                html.open("form", "method", "post", "action", PageFrame.link("/logout", Map.of(), lang));
                html.empty("input", "type", "hidden", "name", SignInGuard.CSRF_FIELD, "value", csrf);
                html.element("button", Text.SIGN_OUT.in(lang), "type", "submit");
                html.close();
            }
            html.open("form", "method", "post", "action", PageFrame.link("/login", Map.of(), lang), "class", "stack");
            html.element("label", Text.SIGN_IN_TOKEN.in(lang), "for", "token");
            html.empty(
                    "input", "type", "password", "name", "token", "id", "token", "autocomplete", "off", "required", "");
            html.empty("input", "type", "hidden", "name", "next", "value", next == null ? "" : next);
            html.empty("input", "type", "hidden", "name", SignInGuard.CSRF_FIELD, "value", csrf);
            html.element("button", Text.SIGN_IN.in(lang), "type", "submit", "id", "sign-in");
            html.close();
            html.close();
            html.open("section", "class", "card");
            html.open("form", "method", "get", "action", "/inspect/entities", "class", "stack");
            html.element("label", Text.ENTITY_ID.in(lang), "for", "entity");
            html.empty("input", "type", "text", "name", "id", "id", "entity", "maxlength", "18", "required", "");
            if (lang == Lang.EN) {
                html.empty("input", "type", "hidden", "name", "lang", "value", "en");
            }
            html.element("button", Text.OPEN.in(lang), "type", "submit");
            html.close();
            html.close();
        });
    }
}
