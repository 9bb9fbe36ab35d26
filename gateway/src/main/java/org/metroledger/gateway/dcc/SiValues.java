package org.metroledger.gateway.dcc;

import static org.metroledger.gateway.dcc.Elements.SI;
import static org.metroledger.gateway.dcc.Elements.child;
import static org.metroledger.gateway.dcc.Elements.childText;
import static org.metroledger.gateway.dcc.Elements.children;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.gateway.dcc.DccDocument.Result;
import org.w3c.dom.Element;

/** Reads D-SI 2.x values into results, one per real value, with numbers kept as written. */
final class SiValues {
    private SiValues() {}

    /** Adds the values of one D-SI element; elements that hold no real value are skipped. */
    static void read(Element value, String quantity, List<Result> into) {
        if (!SI.equals(value.getNamespaceURI())) {
            return;
        }
        switch (value.getLocalName()) {
            case "real" -> into.add(real(value, quantity));
            case "realListXMLList" -> realList(value, quantity, into);
            case "list" -> children(value).forEach(element -> read(element, quantity, into));
            // A hybrid states the same values in several units; the first is the primary one.
            case "hybrid" -> children(value).stream().findFirst().ifPresent(first -> read(first, quantity, into));
            default -> {}
        }
    }

    private static Result real(Element real, String quantity) {
        Optional<Element> unc = child(real, SI, "expandedUnc");
        return new Result(
                childText(real, SI, "label").orElse(quantity),
                required(real, "value"),
                required(real, "unit"),
                unc.flatMap(u -> childText(u, SI, "uncertainty")).orElse(null),
                unc.flatMap(u -> childText(u, SI, "coverageFactor")).orElse(null),
                unc.flatMap(u -> childText(u, SI, "coverageProbability")).orElse(null));
    }

    private static void realList(Element list, String quantity, List<Result> into) {
        List<String> values = items(list, "valueXMLList");
        int n = values.size();
        List<String> units = items(list, "unitXMLList");
        Optional<Element> unc = child(list, SI, "expandedUncXMLList");
        List<String> uncertainties =
                unc.map(u -> items(u, "uncertaintyXMLList")).orElse(List.of());
        List<String> factors = unc.map(u -> items(u, "coverageFactorXMLList")).orElse(List.of());
        List<String> probabilities =
                unc.map(u -> items(u, "coverageProbabilityXMLList")).orElse(List.of());
        for (int i = 0; i < n; i++) {
            into.add(new Result(
                    quantity,
                    values.get(i),
                    at(units, i, n, "unitXMLList"),
                    at(uncertainties, i, n, "uncertaintyXMLList"),
                    at(factors, i, n, "coverageFactorXMLList"),
                    at(probabilities, i, n, "coverageProbabilityXMLList")));
        }
    }

    private static List<String> items(Element parent, String localName) {
        Optional<String> text = childText(parent, SI, localName);
        return text.map(t -> Arrays.asList(t.split("\\s+"))).orElse(List.of());
    }

    /** D-SI lists hold one entry per value, or a single entry that applies to every value. */
    private static String at(List<String> list, int index, int size, String name) {
        if (list.isEmpty()) {
            return null;
        }
        if (list.size() == 1) {
            return list.get(0);
        }
        if (list.size() != size) {
            throw Fail.invalid("dcc si:" + name, "has " + list.size() + " entries for " + size + " values");
        }
        return list.get(index);
    }

    private static String required(Element real, String localName) {
        return childText(real, SI, localName)
                .orElseThrow(() -> Fail.invalid("dcc si:real/si:" + localName, "is required"));
    }
}
