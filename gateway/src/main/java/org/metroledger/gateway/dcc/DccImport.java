package org.metroledger.gateway.dcc;

import java.security.PrivateKey;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metroledger.chaincode.certificate.CertificateIds;
import org.metroledger.chaincode.certificate.CertificateKind;
import org.metroledger.chaincode.certificate.CertificateRequest;
import org.metroledger.chaincode.certificate.Conformity;
import org.metroledger.chaincode.certificate.MeasurementResult;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.SubjectType;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.gateway.failure.ApiFailure;

/**
 * Turns a parsed DCC into the lab-signed certificate request the certificate contract records, with
 * the DCC's digest as the certificate's documentDigest. Dates of the DCC (xs:date) become the start
 * of that day in UTC; a DCC without an issue date counts as issued the day its performance ended.
 * Only results stating an uncertainty (expanded with k, or a coverage interval) are taken: the
 * others (reference values, indications) are inputs to a calibration result, not results of it.
 * The certificate's ledger id is derived from the DCC's uniqueIdentifier, which it also keeps as
 * written ({@link CertificateIds}).
 */
public final class DccImport {
    private DccImport() {}

    /**
     * What the importing lab supplies besides the DCC; every null is taken from the DCC.
     *
     * @param subject the ledger id of the instrument or standard; default: the item's identification
     *     issued by its owner, else by the customer
     * @param validUntil default: the DCC's recalibration date
     * @param location default: the DCC's performance location
     * @param previous the certificate this one supersedes; default: the DCC's previousReport referral id
     */
    public record Options(
            String lab, String subject, SubjectType subjectType, String validUntil, String location, String previous) {
        public static Options forLab(String lab) {
            return new Options(lab, null, SubjectType.INSTRUMENT, null, null, null);
        }

        /** The subject; a null id leaves it to the DCC, of the type given. */
        public Options withSubject(String id, SubjectType type) {
            return new Options(lab, id, type, validUntil, location, previous);
        }

        public Options withValidUntil(String instant) {
            return new Options(lab, subject, subjectType, instant, location, previous);
        }

        public Options withLocation(String text) {
            return new Options(lab, subject, subjectType, validUntil, text, previous);
        }

        public Options withPrevious(String certificateId) {
            return new Options(lab, subject, subjectType, validUntil, location, certificateId);
        }
    }

    /** The signed request, to record with {@code Certificates.record}. */
    public static CertificateRequest request(DccDocument dcc, Options options, PrivateKey labKey) {
        CertificateRequest unsigned = build(dcc, options);
        return unsigned.withSignature(LabSignature.sign(labKey, Canonical.bytes(unsigned)));
    }

    private static CertificateRequest build(DccDocument dcc, Options options) {
        String performedTo = startOfDay("endPerformanceDate", dcc.endPerformanceDate());
        return new CertificateRequest(
                CertificateIds.fromIdentifier(dcc.uniqueIdentifier()),
                CertificateKind.CALIBRATION,
                required("lab", options.lab()),
                options.subject() != null ? options.subject() : subject(dcc),
                options.subjectType() == null ? SubjectType.INSTRUMENT : options.subjectType(),
                method(dcc),
                startOfDay("beginPerformanceDate", dcc.beginPerformanceDate()),
                performedTo,
                dcc.issueDate() == null ? performedTo : startOfDay("issueDate", dcc.issueDate()),
                options.validUntil() != null ? options.validUntil() : validUntil(dcc),
                or(options.location(), dcc.performanceLocation(), "location", "the DCC states no performanceLocation"),
                null,
                results(dcc),
                conformity(dcc),
                dcc.conformity() == null ? null : dcc.decisionRule(),
                null,
                dcc.documentDigest(),
                or(null, dcc.signatory(), "signatory", "the DCC names no responsible person"),
                null,
                options.previous() != null
                        ? options.previous()
                        : dcc.previousReport() == null
                                ? null
                                : CertificateIds.fromIdentifier(
                                        dcc.previousReport().referralId()),
                dcc.uniqueIdentifier());
    }

    private static String subject(DccDocument dcc) {
        List<DccDocument.Identification> ids = dcc.items().get(0).identifications();
        for (String issuer : List.of("owner", "customer")) {
            for (DccDocument.Identification id : ids) {
                if (issuer.equals(id.issuer()) && id.value() != null) {
                    return id.value();
                }
            }
        }
        throw ApiFailure.invalid(
                "subject", "is not in the DCC (no owner or customer identification of its item): pass it");
    }

    private static String method(DccDocument dcc) {
        if (dcc.methods().isEmpty()) {
            throw ApiFailure.invalid("method", "is not in the DCC: it names no usedMethod");
        }
        return String.join("; ", dcc.methods());
    }

    private static String validUntil(DccDocument dcc) {
        if (dcc.recalibrationDate() == null) {
            throw ApiFailure.invalid("validUntil", "is not in the DCC (no basic_recalibration statement): pass it");
        }
        return startOfDay("recalibrationDate", dcc.recalibrationDate());
    }

    private static List<MeasurementResult> results(DccDocument dcc) {
        List<DccDocument.Result> stated = dcc.results().stream()
                .filter(DccDocument.Result::statesUncertainty)
                .toList();
        Map<String, Integer> counts = new HashMap<>();
        stated.forEach(r -> counts.merge(name(r), 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        List<MeasurementResult> results = new ArrayList<>();
        for (DccDocument.Result r : stated) {
            String name = name(r);
            // A list result yields several values of one quantity; number them so each reads alone.
            String quantity = counts.get(name) == 1 ? name : name + " [" + seen.merge(name, 1, Integer::sum) + "]";
            results.add(new MeasurementResult(
                    quantity,
                    r.value(),
                    r.unit(),
                    r.expandedUncertainty(),
                    r.coverageFactor(),
                    r.coverageProbability(),
                    r.standardUncertainty(),
                    r.intervalMin(),
                    r.intervalMax(),
                    r.refType()));
        }
        return results;
    }

    private static String name(DccDocument.Result result) {
        return result.quantity() == null ? "result" : result.quantity();
    }

    private static Conformity conformity(DccDocument dcc) {
        if (dcc.conformity() == null) {
            return Conformity.NONE;
        }
        return switch (dcc.conformity()) {
            case "pass" -> Conformity.PASS;
            case "fail" -> Conformity.FAIL;
            default ->
                throw ApiFailure.invalid(
                        "conformity", "'" + dcc.conformity() + "' of the DCC has no ledger equivalent (pass or fail)");
        };
    }

    /** An xs:date (optionally with a zone, which a day in UTC ignores) as the instant that day starts. */
    private static String startOfDay(String field, String date) {
        try {
            return LocalDate.parse(date, DateTimeFormatter.ISO_DATE)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .toString();
        } catch (DateTimeParseException e) {
            throw ApiFailure.invalid(field, "must be a date like 2025-03-01 (got '" + date + "')");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiFailure.invalid(field, "is required");
        }
        return value;
    }

    private static String or(String given, String fromDcc, String field, String problem) {
        if (given != null) {
            return given;
        }
        if (fromDcc == null) {
            throw ApiFailure.invalid(field, "is not in the DCC (" + problem + "): pass it");
        }
        return fromDcc;
    }
}
