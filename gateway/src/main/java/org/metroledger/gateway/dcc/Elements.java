package org.metroledger.gateway.dcc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespace-aware navigation over direct children of a DOM element. */
final class Elements {
    static final String DCC = "https://ptb.de/dcc";
    static final String SI = "https://ptb.de/si";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";

    private Elements() {}

    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && is(element, namespace, localName)) {
                found.add(element);
            }
        }
        return found;
    }

    static Optional<Element> child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && is(element, namespace, localName)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    static List<Element> children(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                found.add(element);
            }
        }
        return found;
    }

    static boolean is(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    /** The element's text with surrounding whitespace removed, as written otherwise. */
    static String text(Element element) {
        return element.getTextContent().strip();
    }

    /**
     * Where an element is, for messages: {@code dcc/measurementResults/.../si:real}, with a
     * position wherever siblings share the name ({@code dcc:quantity[2]}).
     */
    static String path(Element element) {
        StringBuilder path = new StringBuilder();
        for (Element at = element;
                at != null && at != at.getOwnerDocument().getDocumentElement();
                at = at.getParentNode() instanceof Element parent ? parent : null) {
            String prefix = SI.equals(at.getNamespaceURI()) ? "si:" : "";
            String step = prefix + at.getLocalName();
            if (at.getNamespaceURI() != null && at.getParentNode() instanceof Element parent) {
                List<Element> same = children(parent, at.getNamespaceURI(), at.getLocalName());
                if (same.size() > 1) {
                    step += "[" + (same.indexOf(at) + 1) + "]";
                }
            }
            path.insert(0, "/" + step);
        }
        return "dcc" + path;
    }

    static Optional<String> childText(Element parent, String namespace, String localName) {
        return child(parent, namespace, localName).map(Elements::text).filter(text -> !text.isEmpty());
    }
}
