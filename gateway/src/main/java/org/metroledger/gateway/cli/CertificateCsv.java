package org.metroledger.gateway.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.metroledger.chaincode.certificate.CertificateKind;
import org.metroledger.chaincode.certificate.CertificateRequest;
import org.metroledger.chaincode.certificate.Conformity;
import org.metroledger.chaincode.certificate.MeasurementResult;
import org.metroledger.chaincode.certificate.TraceabilityLink;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.SubjectType;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.gateway.document.DocumentDigest;

/**
 * Certificates written as CSV, one row per certificate; further rows with the same {@code id}
 * right below add results. Columns: id, kind, subject, subjectType (default INSTRUMENT), method,
 * performedFrom, performedTo, issuedAt, validUntil, location, conditions, conformity, decisionRule,
 * signatory, documentDigest or document (a file, relative to the CSV, whose SHA-256 is taken),
 * previous, traceability ({@code STANDARD=CERTIFICATE;...}), quantity, value, unit,
 * expandedUncertainty, coverageFactor.
 */
final class CertificateCsv {
    static final String HELP = "columns: id, kind, subject, subjectType, method, performedFrom, performedTo,"
            + " issuedAt, validUntil, location, conditions, conformity, decisionRule, signatory,"
            + " documentDigest|document, previous, traceability, quantity, value, unit, expandedUncertainty,"
            + " coverageFactor; rows repeating the id above add results";

    /** One certificate of the file: the line it starts on, and its request or why there is none. */
    record Draft(int line, String id, CertificateRequest unsigned, String problem) {
        String where() {
            return "line " + line + (id == null ? "" : " (" + id + ")");
        }

        CertificateRequest signed(PrivateKey key) {
            return unsigned.withSignature(LabSignature.sign(key, Canonical.bytes(unsigned)));
        }
    }

    private CertificateCsv() {}

    static List<Draft> read(Path csv, String lab) {
        String text;
        try {
            text = Files.readString(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        Path base = csv.toAbsolutePath().getParent();
        List<Draft> drafts = new ArrayList<>();
        List<CsvRows.Row> group = new ArrayList<>();
        for (CsvRows.Row row : CsvRows.parse(text)) {
            if (!group.isEmpty()
                    && (row.get("id") == null
                            || !row.get("id").equals(group.get(0).get("id")))) {
                drafts.add(draft(group, lab, base));
                group = new ArrayList<>();
            }
            group.add(row);
        }
        if (!group.isEmpty()) {
            drafts.add(draft(group, lab, base));
        }
        return drafts;
    }

    private static Draft draft(List<CsvRows.Row> rows, String lab, Path base) {
        CsvRows.Row first = rows.get(0);
        try {
            return new Draft(first.line(), first.get("id"), request(rows, lab, base), null);
        } catch (IllegalArgumentException e) {
            return new Draft(first.line(), first.get("id"), null, e.getMessage());
        }
    }

    private static CertificateRequest request(List<CsvRows.Row> rows, String lab, Path base) {
        CsvRows.Row r = rows.get(0);
        List<MeasurementResult> results = new ArrayList<>();
        for (CsvRows.Row row : rows) {
            if (row.get("quantity") != null || row.get("value") != null) {
                results.add(new MeasurementResult(
                        required(row, "quantity"),
                        required(row, "value"),
                        required(row, "unit"),
                        row.get("expandedUncertainty"),
                        row.get("coverageFactor")));
            }
        }
        return new CertificateRequest(
                required(r, "id"),
                choice(r, "kind", CertificateKind.class, null),
                lab,
                required(r, "subject"),
                choice(r, "subjectType", SubjectType.class, SubjectType.INSTRUMENT),
                required(r, "method"),
                required(r, "performedFrom"),
                required(r, "performedTo"),
                required(r, "issuedAt"),
                required(r, "validUntil"),
                required(r, "location"),
                r.get("conditions"),
                results.isEmpty() ? null : results,
                choice(r, "conformity", Conformity.class, null),
                r.get("decisionRule"),
                traceability(r.get("traceability")),
                documentDigest(r, base),
                required(r, "signatory"),
                null,
                r.get("previous"),
                null);
    }

    private static String documentDigest(CsvRows.Row row, Path base) {
        if (row.get("documentDigest") != null) {
            return row.get("documentDigest").toLowerCase(Locale.ROOT);
        }
        if (row.get("document") == null) {
            throw new IllegalArgumentException("documentDigest or document is required");
        }
        Path document = base.resolve(row.get("document"));
        try {
            return DocumentDigest.of(Files.readAllBytes(document));
        } catch (IOException e) {
            throw new IllegalArgumentException("document " + document + " cannot be read: " + e.getMessage());
        }
    }

    private static List<TraceabilityLink> traceability(String text) {
        if (text == null) {
            return null;
        }
        List<TraceabilityLink> links = new ArrayList<>();
        for (String link : text.split(";")) {
            String[] parts = link.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(
                        "traceability must be STANDARD=CERTIFICATE;... (got '" + link.strip() + "')");
            }
            links.add(new TraceabilityLink(parts[0].strip(), parts[1].strip()));
        }
        return links;
    }

    private static <E extends Enum<E>> E choice(CsvRows.Row row, String column, Class<E> type, E fallback) {
        String value = row.get(column);
        if (value == null) {
            if (fallback == null) {
                throw new IllegalArgumentException(column + " is required");
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    column + " must be one of " + List.of(type.getEnumConstants()) + " (got '" + value + "')");
        }
    }

    private static String required(CsvRows.Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new IllegalArgumentException(column + " is required");
        }
        return value;
    }
}
