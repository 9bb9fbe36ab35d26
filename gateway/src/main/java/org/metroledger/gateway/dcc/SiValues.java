package org.metroledger.gateway.dcc;

import static org.metroledger.gateway.dcc.Elements.SI;
import static org.metroledger.gateway.dcc.Elements.child;
import static org.metroledger.gateway.dcc.Elements.childText;
import static org.metroledger.gateway.dcc.Elements.children;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.metroledger.gateway.dcc.DccDocument.Result;
import org.metroledger.gateway.failure.ApiFailure;
import org.w3c.dom.Element;

/**
 * Reads the D-SI forms a DCC 3.x may carry (D-SI 2.1: {@code si:real}, {@code si:constant},
 * {@code si:complex}, {@code si:realList}, {@code si:realListXMLList}, {@code si:complexList},
 * {@code si:list}, {@code si:hybrid}; D-SI 2.2's {@code si:expandedMU} and
 * {@code si:coverageIntervalMU}) into results, one per real value, numbers kept as written.
 * A value whose uncertainty is multivariate (a complex value's region, a list's covariance) has no
 * place on the ledger, which keeps each value with a univariate uncertainty: it is refused, naming
 * the element. Complex values without an uncertainty are inputs, not results, and are left out.
 */
final class SiValues {
    /** The univariate uncertainty forms, by element name, and the names of their parts. */
    private static final Map<String, Form> FORMS = Map.of(
            "expandedUnc", Form.expanded("uncertainty"),
            "expandedMU", Form.expanded("valueExpandedMU"),
            "coverageInterval", Form.interval("standardUnc", "intervalMin", "intervalMax"),
            "coverageIntervalMU", Form.interval("valueStandardMU", "valueIntervalMin", "valueIntervalMax"));

    /** D-SI 2.2 wraps a univariate uncertainty in this element. */
    private static final String UNIVARIATE = "measurementUncertaintyUnivariate";

    private static final Set<String> MULTIVARIATE = Set.of(
            "ellipsoidalRegion",
            "rectangularRegion",
            "covarianceMatrix",
            "listBivariateUnc",
            "measurementUncertaintyMultivariate");

    private SiValues() {}

    /**
     * Adds the values of one D-SI element under a dcc:quantity named {@code quantity} with the
     * quantity's {@code refType}; elements that hold no value (labels, dates) add none.
     */
    static void read(Element value, String quantity, String refType, List<Result> into) {
        if (!SI.equals(value.getNamespaceURI())) {
            return;
        }
        switch (value.getLocalName()) {
            case "real" -> values(value, "", quantity, refType, null, null, into);
            case "constant" -> constant(value, quantity, refType, into);
            case "realListXMLList" -> values(value, "XMLList", quantity, refType, null, null, into);
            case "realList" -> realList(value, quantity, refType, into);
            case "complex", "complexList" -> complex(value);
            case "list" -> children(value).forEach(element -> read(element, quantity, refType, into));
            // A hybrid states the same values in several forms (units); the first is the primary one.
            case "hybrid" ->
                children(value).stream().findFirst().ifPresent(first -> read(first, quantity, refType, into));
            default -> {}
        }
    }

    /**
     * The values of an si:real (one) or si:realListXMLList (several), with their uncertainty; a list
     * entry of the unit or of an uncertainty part given once applies to every value.
     *
     * @param defaultUnit the enclosing si:realList's listUnit, or null
     * @param defaultUncertainty the enclosing si:realList's listUnivariateUnc, or null
     */
    private static void values(
            Element element,
            String suffix,
            String quantity,
            String refType,
            String defaultUnit,
            Element defaultUncertainty,
            List<Result> into) {
        refuseMultivariate(element, suffix);
        List<String> values = items(element, "value" + suffix);
        if (values.isEmpty()) {
            throw ApiFailure.invalid(Elements.path(element) + "/si:value" + suffix, "is required");
        }
        int n = values.size();
        List<String> units = items(element, "unit" + suffix);
        if (units.isEmpty() && defaultUnit != null) {
            units = List.of(defaultUnit);
        }
        if (units.isEmpty()) {
            throw ApiFailure.invalid(Elements.path(element) + "/si:unit" + suffix, "is required");
        }
        String label = suffix.isEmpty() ? childText(element, SI, "label").orElse(quantity) : quantity;
        Uncertainty unc = uncertainty(element, suffix)
                .or(() -> Optional.ofNullable(defaultUncertainty).flatMap(u -> uncertainty(u, "")))
                .orElse(Uncertainty.NONE);
        for (int i = 0; i < n; i++) {
            into.add(new Result(
                    label,
                    values.get(i),
                    at(element, units, i, n, "unit" + suffix),
                    at(unc.where(element), unc.parts(Part.EXPANDED), i, n, unc.name(Part.EXPANDED)),
                    at(unc.where(element), unc.parts(Part.K), i, n, unc.name(Part.K)),
                    at(unc.where(element), unc.parts(Part.P), i, n, unc.name(Part.P)),
                    at(unc.where(element), unc.parts(Part.STANDARD), i, n, unc.name(Part.STANDARD)),
                    at(unc.where(element), unc.parts(Part.MIN), i, n, unc.name(Part.MIN)),
                    at(unc.where(element), unc.parts(Part.MAX), i, n, unc.name(Part.MAX)),
                    refType));
        }
    }

    /** A D-SI 2.1 si:realList: its si:real entries, with the list's unit and uncertainty as defaults. */
    private static void realList(Element list, String quantity, String refType, List<Result> into) {
        refuseMultivariate(list, "");
        String listUnit = childText(list, SI, "listUnit").orElse(null);
        Element listUnc = child(list, SI, "listUnivariateUnc").orElse(null);
        String label = childText(list, SI, "label").orElse(quantity);
        for (Element real : children(list, SI, "real")) {
            values(real, "", label, refType, listUnit, listUnc, into);
        }
    }

    /** A constant is a value with at most a standard uncertainty: read, but no calibration result. */
    private static void constant(Element constant, String quantity, String refType, List<Result> into) {
        into.add(new Result(
                childText(constant, SI, "label").orElse(quantity),
                required(constant, "value"),
                required(constant, "unit"),
                null,
                null,
                null,
                childText(constant, SI, "uncertainty").orElse(null),
                null,
                null,
                refType));
    }

    /** Complex values are not results; one stating its (necessarily bivariate) uncertainty is refused. */
    private static void complex(Element complex) {
        refuseMultivariate(complex, "");
        for (Element entry : children(complex, SI, "complex")) {
            refuseMultivariate(entry, "");
        }
    }

    private static void refuseMultivariate(Element element, String suffix) {
        for (Element part : children(element)) {
            String name = part.getLocalName();
            String base = name.endsWith("XMLList") ? name.substring(0, name.length() - "XMLList".length()) : name;
            if (SI.equals(part.getNamespaceURI()) && MULTIVARIATE.contains(base)) {
                throw ApiFailure.invalid(
                        Elements.path(part),
                        "is a multivariate uncertainty, which the ledger cannot record: it keeps each value"
                                + " with a univariate uncertainty (si:expandedUnc, si:coverageInterval)");
            }
        }
    }

    /** The univariate uncertainty of a value element, directly or in D-SI 2.2's wrapper. */
    private static Optional<Uncertainty> uncertainty(Element value, String suffix) {
        Element holder = child(value, SI, UNIVARIATE + suffix).orElse(value);
        for (Map.Entry<String, Form> form : FORMS.entrySet()) {
            Optional<Element> found = child(holder, SI, form.getKey() + suffix);
            if (found.isPresent()) {
                return Optional.of(new Uncertainty(found.get(), form.getValue(), suffix));
            }
        }
        return Optional.empty();
    }

    private static List<String> items(Element parent, String localName) {
        Optional<String> text = childText(parent, SI, localName);
        return text.map(t -> Arrays.asList(t.strip().split("\\s+"))).orElse(List.of());
    }

    /** D-SI lists hold one entry per value, or a single entry that applies to every value. */
    private static String at(Element element, List<String> list, int index, int size, String name) {
        if (list.isEmpty()) {
            return null;
        }
        if (list.size() == 1) {
            return list.get(0);
        }
        if (list.size() != size) {
            throw ApiFailure.invalid(
                    Elements.path(element) + "/si:" + name, "has " + list.size() + " entries for " + size + " values");
        }
        return list.get(index);
    }

    private static String required(Element value, String localName) {
        return childText(value, SI, localName)
                .orElseThrow(() -> ApiFailure.invalid(Elements.path(value) + "/si:" + localName, "is required"));
    }

    /** The parts of an uncertainty a result records. */
    private enum Part {
        EXPANDED,
        K,
        P,
        STANDARD,
        MIN,
        MAX
    }

    /** The element names of one uncertainty form's parts; null for parts it does not have. */
    private record Form(Map<Part, String> names) {
        static Form expanded(String uncertainty) {
            return new Form(
                    Map.of(Part.EXPANDED, uncertainty, Part.K, "coverageFactor", Part.P, "coverageProbability"));
        }

        static Form interval(String standard, String min, String max) {
            return new Form(
                    Map.of(Part.STANDARD, standard, Part.MIN, min, Part.MAX, max, Part.P, "coverageProbability"));
        }
    }

    /** One stated uncertainty element read as lists (one entry for an si:real). */
    private record Uncertainty(Element element, Form form, String suffix) {
        static final Uncertainty NONE = new Uncertainty(null, new Form(Map.of()), "");

        List<String> parts(Part part) {
            String name = form.names().get(part);
            return element == null || name == null ? List.of() : items(element, name + suffix);
        }

        /** The uncertainty element, where a problem with its parts is; else the value's own. */
        Element where(Element value) {
            return element == null ? value : element;
        }

        String name(Part part) {
            return form.names().getOrDefault(part, part.name()) + suffix;
        }
    }
}
