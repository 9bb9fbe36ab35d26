package org.metroledger.gateway.dcc;

import static org.metroledger.gateway.dcc.Elements.DCC;
import static org.metroledger.gateway.dcc.Elements.child;
import static org.metroledger.gateway.dcc.Elements.childText;
import static org.metroledger.gateway.dcc.Elements.children;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.metroledger.gateway.dcc.DccDocument.Identification;
import org.metroledger.gateway.dcc.DccDocument.Item;
import org.metroledger.gateway.dcc.DccDocument.ReportLink;
import org.metroledger.gateway.dcc.DccDocument.Result;
import org.metroledger.gateway.document.DocumentDigest;
import org.metroledger.gateway.failure.ApiFailure;
import org.w3c.dom.Element;

/**
 * Reads a DCC 3.x document (PTB schema, D-SI values) into a {@link DccDocument}. Missing required
 * parts fail with INVALID_ARGUMENT naming the element path.
 */
public final class DccParser {
    private static final String FIELD = "dcc";

    public DccDocument parse(byte[] bytes) {
        Element root = SafeXml.parse(bytes, FIELD).getDocumentElement();
        if (!Elements.is(root, DCC, "digitalCalibrationCertificate")) {
            throw ApiFailure.invalid(FIELD, "root element must be dcc:digitalCalibrationCertificate in " + DCC);
        }
        String version = root.getAttribute("schemaVersion");
        if (!version.startsWith("3.")) {
            throw ApiFailure.invalid(FIELD + "/@schemaVersion", "must be 3.x (got '" + version + "')");
        }
        Element admin = required(root, "administrativeData");
        Element core = required(admin, "coreData");
        Element lab = required(admin, "calibrationLaboratory");
        Optional<Element> conformity = statements(admin)
                .filter(s -> child(s, DCC, "conformity").isPresent())
                .findFirst();
        return new DccDocument(
                version,
                uniqueIdentifier(core),
                requiredText(core, "beginPerformanceDate"),
                requiredText(core, "endPerformanceDate"),
                childText(core, DCC, "receiptDate").orElse(null),
                childText(core, DCC, "issueDate").orElse(null),
                childText(core, DCC, "performanceLocation").orElse(null),
                child(core, DCC, "previousReport").map(DccParser::reportLink).orElse(null),
                childText(lab, DCC, "calibrationLaboratoryCode").orElse(null),
                child(lab, DCC, "contact")
                        .flatMap(contact -> child(contact, DCC, "name"))
                        .map(DccParser::content)
                        .orElse(null),
                signatory(admin),
                items(required(admin, "items")),
                methods(root),
                results(required(root, "measurementResults")),
                conformity.flatMap(s -> childText(s, DCC, "conformity")).orElse(null),
                conformity
                        .flatMap(s -> child(s, DCC, "declaration"))
                        .map(DccParser::content)
                        .orElse(null),
                recalibrationDate(admin),
                DocumentDigest.of(bytes));
    }

    private static List<Item> items(Element items) {
        List<Item> found = new ArrayList<>();
        for (Element item : children(items, DCC, "item")) {
            List<Identification> identifications = new ArrayList<>();
            child(item, DCC, "identifications")
                    .ifPresent(list -> children(list, DCC, "identification")
                            .forEach(id -> identifications.add(new Identification(
                                    childText(id, DCC, "issuer").orElse(null),
                                    childText(id, DCC, "value").orElse(null),
                                    child(id, DCC, "name")
                                            .map(DccParser::content)
                                            .orElse(null)))));
            String serial = identifications.stream()
                    .filter(id -> "manufacturer".equals(id.issuer()))
                    .map(Identification::value)
                    .findFirst()
                    .orElse(null);
            found.add(new Item(
                    child(item, DCC, "name").map(DccParser::content).orElse(null),
                    child(item, DCC, "manufacturer")
                            .flatMap(m -> child(m, DCC, "name"))
                            .map(DccParser::content)
                            .orElse(null),
                    childText(item, DCC, "model").orElse(null),
                    serial,
                    identifications));
        }
        if (found.isEmpty()) {
            throw ApiFailure.invalid(FIELD + "/administrativeData/items", "must hold at least one dcc:item");
        }
        return found;
    }

    private static List<String> methods(Element root) {
        List<String> found = new ArrayList<>();
        for (Element result : children(required(root, "measurementResults"), DCC, "measurementResult")) {
            child(result, DCC, "usedMethods").ifPresent(methods -> {
                for (Element method : children(methods, DCC, "usedMethod")) {
                    Optional<String> norm = childText(method, DCC, "norm");
                    found.add(norm.orElseGet(() ->
                            child(method, DCC, "name").map(DccParser::content).orElse("")));
                }
            });
        }
        found.removeIf(String::isEmpty);
        return found;
    }

    private static List<Result> results(Element measurementResults) {
        List<Result> found = new ArrayList<>();
        for (Element measurementResult : children(measurementResults, DCC, "measurementResult")) {
            for (Element result : children(required(measurementResult, "results"), DCC, "result")) {
                String name = child(result, DCC, "name").map(DccParser::content).orElse(null);
                child(result, DCC, "data").ifPresent(data -> quantities(data, name, found));
            }
        }
        return found;
    }

    /** Walks dcc:data and nested dcc:list down to quantities; metadata quantities are not results. */
    private static void quantities(Element container, String fallbackName, List<Result> into) {
        for (Element element : children(container)) {
            if (Elements.is(element, DCC, "list")) {
                quantities(element, fallbackName, into);
            } else if (Elements.is(element, DCC, "quantity")) {
                String name =
                        child(element, DCC, "name").map(DccParser::content).orElse(fallbackName);
                String refType = element.hasAttribute("refType") ? element.getAttribute("refType") : null;
                for (Element value : children(element)) {
                    SiValues.read(value, name, refType, into);
                }
            }
        }
    }

    /**
     * The identifier exactly as written, surrounding whitespace included: it is the lab's name for
     * the certificate, and the ledger id is derived from it ({@code CertificateIds}).
     */
    private static String uniqueIdentifier(Element core) {
        String written = child(core, DCC, "uniqueIdentifier")
                .map(Element::getTextContent)
                .orElse("");
        if (written.isBlank()) {
            throw ApiFailure.invalid(path(core) + "/uniqueIdentifier", "is required");
        }
        return written;
    }

    private static Stream<Element> statements(Element admin) {
        return child(admin, DCC, "statements").stream()
                .flatMap(statements -> children(statements, DCC, "statement").stream());
    }

    private static String recalibrationDate(Element admin) {
        return statements(admin)
                .filter(s -> List.of(s.getAttribute("refType").split("\\s+")).contains("basic_recalibration"))
                .map(s -> childText(s, DCC, "date"))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(null);
    }

    private static String signatory(Element admin) {
        List<Element> persons = child(admin, DCC, "respPersons")
                .map(list -> children(list, DCC, "respPerson"))
                .orElse(List.of());
        return persons.stream()
                .filter(p ->
                        childText(p, DCC, "mainSigner").filter("true"::equals).isPresent())
                .findFirst()
                .or(() -> persons.stream().findFirst())
                .flatMap(p -> child(p, DCC, "person"))
                .flatMap(person -> child(person, DCC, "name"))
                .map(DccParser::content)
                .orElse(null);
    }

    private static ReportLink reportLink(Element hash) {
        return new ReportLink(
                childText(hash, DCC, "referralID").orElse(null),
                childText(hash, DCC, "procedure").orElse(null),
                childText(hash, DCC, "value").orElse(null));
    }

    /** A dcc:textType in English when offered, else its first content. */
    static String content(Element text) {
        List<Element> contents = children(text, DCC, "content");
        return contents.stream()
                .filter(c -> "en".equals(c.getAttribute("lang")))
                .findFirst()
                .or(() -> contents.stream().findFirst())
                .map(Elements::text)
                .orElse(null);
    }

    private static Element required(Element parent, String localName) {
        return child(parent, DCC, localName)
                .orElseThrow(() -> ApiFailure.invalid(path(parent) + "/" + localName, "is required"));
    }

    private static String requiredText(Element parent, String localName) {
        return childText(parent, DCC, localName)
                .orElseThrow(() -> ApiFailure.invalid(path(parent) + "/" + localName, "is required"));
    }

    private static String path(Element element) {
        return Elements.path(element);
    }
}
