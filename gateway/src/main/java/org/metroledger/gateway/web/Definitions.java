package org.metroledger.gateway.web;

/** A definition list of label, value rows; empty values are left out rather than shown blank. */
final class Definitions {
    private final Html html;
    private final Lang lang;

    private Definitions(Html html, Lang lang) {
        this.html = html;
        this.lang = lang;
    }

    static Definitions open(Html html, Lang lang, String cssClass) {
        html.open("dl", "class", cssClass);
        return new Definitions(html, lang);
    }

    Definitions row(Text label, String value) {
        return row(label, value, null);
    }

    /** A row whose value carries an id, so tests and readers can find it. */
    Definitions row(Text label, String value, String id) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        html.element("dt", label.in(lang));
        html.element("dd", value, "id", id);
        return this;
    }

    void close() {
        html.close();
    }
}
