package org.metroledger.gateway.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The frame every page shares: doctype, phone viewport, the one stylesheet, a header with the
 * language switch and navigation, then the page's own content.
 */
final class PageFrame {
    static final String STYLESHEET = "/static/metroledger.css";

    private PageFrame() {}

    /**
     * @param path the page's own path, for the language switch link
     * @param query the page's query parameters (lang is replaced)
     */
    static String render(Lang lang, Text title, String path, Map<String, String> query, Consumer<Html> content) {
        Html html = new Html();
        html.open("html", "lang", lang.tag());
        html.open("head");
        html.empty("meta", "charset", "utf-8");
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        // The sign-in page's forms must carry this origin (a no-referrer page posts "Origin: null").
        html.empty("meta", "name", "referrer", "content", "/login".equals(path) ? "same-origin" : "no-referrer");
        html.element("title", title.in(lang) + " · MetroLedger");
        html.empty("link", "rel", "stylesheet", "href", STYLESHEET);
        html.close();
        html.open("body");
        html.open("header", "class", "site");
        html.element("a", Text.SITE.in(lang), "class", "brand", "href", link("/", Map.of(), lang));
        html.open("nav");
        html.element("a", Text.NAV_RECOGNITION.in(lang), "href", link("/recognition", Map.of(), lang));
        html.element("a", Text.NAV_DASHBOARD.in(lang), "href", link(DashboardPage.PATH, Map.of(), lang));
        html.element("a", Text.NAV_LEDGER.in(lang), "href", link("/ledger", Map.of(), lang));
        html.element("a", Text.NAV_INSPECT.in(lang), "href", link("/login", Map.of(), lang));
        html.element(
                "a",
                Text.SWITCH_LANGUAGE.in(lang),
                "class",
                "lang",
                "id",
                "lang-switch",
                "hreflang",
                lang.other().tag(),
                "href",
                link(path, query, lang.other()));
        html.close();
        html.close();
        html.open("main");
        html.element("h1", title.in(lang));
        content.accept(html);
        html.close();
        html.close();
        html.close();
        return "<!DOCTYPE html>" + html.render();
    }

    /** A link to one of our pages keeping the language; every parameter is URL-encoded. */
    static String link(String path, Map<String, String> query, Lang lang) {
        Map<String, String> parameters = new TreeMap<>(query);
        parameters.remove("lang");
        if (lang == Lang.EN) {
            parameters.put("lang", "en");
        }
        StringBuilder href = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            href.append(separator)
                    .append(encode(parameter.getKey()))
                    .append('=')
                    .append(encode(parameter.getValue()));
            separator = '&';
        }
        return href.toString();
    }

    /** A path segment from a ledger value (ids may hold '/' and ':'). */
    static String segment(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
