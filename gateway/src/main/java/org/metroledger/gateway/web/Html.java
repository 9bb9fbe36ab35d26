package org.metroledger.gateway.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Writes HTML with every text and attribute value escaped, so a ledger value can never become
 * markup. Elements close in order; there is no way to write unescaped text except {@link #svg},
 * which takes only SVG this gateway drew itself.
 */
public final class Html {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<String> open = new ArrayDeque<>();

    /** Escapes text for element content and quoted attribute values alike. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // Control characters have no business on a page; show a replacement mark instead.
                    if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) {
                        escaped.append('\uFFFD');
                    } else {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** Opens an element; attributes come as name, value pairs (a null value leaves the pair out). */
    public Html open(String tag, String... attributes) {
        start(tag, attributes);
        open.push(tag);
        return this;
    }

    /** Opens a card: a {@code section} of class "card" headed by its title; close it like any element. */
    public Html card(String title) {
        return card(title, "card", null);
    }

    /** Opens a card of these classes ("card claims") and this id (null for none). */
    public Html card(String title, String cssClass, String id) {
        return open("section", "class", cssClass, "id", id).element("h2", title);
    }

    public Html close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element holding only text. */
    public Html element(String tag, String text, String... attributes) {
        start(tag, attributes);
        out.append(escape(text)).append("</").append(tag).append('>');
        return this;
    }

    /** A void element (meta, link, input, img, br). */
    public Html empty(String tag, String... attributes) {
        start(tag, attributes);
        return this;
    }

    public Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** SVG drawn by this gateway from numbers and escaped labels (see {@link ScoreChart}). */
    Html svg(ScoreChart.Svg svg) {
        out.append(svg.markup());
        return this;
    }

    /** The document; every opened element must have been closed. */
    public String render() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void start(String tag, String... attributes) {
        if (!NAME.matcher(tag).matches()) {
            throw new IllegalArgumentException("bad tag name " + tag);
        }
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            String name = attributes[i];
            String value = attributes[i + 1];
            if (!NAME.matcher(name).matches() || name.startsWith("on") || name.equals("style")) {
                // Event handlers and inline styles would break the Content-Security-Policy anyway.
                throw new IllegalArgumentException("attribute " + name + " is not allowed");
            }
            if (value != null) {
                out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
            }
        }
        out.append('>');
    }
}
