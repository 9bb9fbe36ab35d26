package org.metroledger.chaincode.certificate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.registry.Standard;
import org.metroledger.chaincode.registry.StandardLevel;
import org.metroledger.chaincode.registry.SubjectType;

/**
 * Walks a certificate's traceability links depth-first, in list order, and names the first broken
 * one. Each link must name an existing standard and an existing certificate of that standard, not
 * revoked as of the walk's instant, valid over the citing certificate's whole performance period;
 * every path must reach a PRIMARY standard within {@link #MAX_DEPTH} links, with no cycle.
 */
final class TraceabilityWalk {
    /** Longest chain accepted; real chains are a handful of links, so more means a data fault. */
    static final int MAX_DEPTH = 16;

    private final CertificateLookup lookup;
    private final Instant at;
    /** Certificates whose chain was found sound, with its length: walked once per walk. */
    private final Map<String, Integer> soundChainLength = new HashMap<>();

    private int linksChecked;

    private final Horizon horizon;

    TraceabilityWalk(CertificateLookup lookup, Instant at) {
        this(lookup, at, new Horizon(at));
    }

    /** A walk that notes on {@code horizon} when a link checked sound would break with time. */
    TraceabilityWalk(CertificateLookup lookup, Instant at, Horizon horizon) {
        this.lookup = lookup;
        this.at = at;
        this.horizon = horizon;
    }

    /** The first broken link described, or empty when every path ends at a PRIMARY standard. */
    Optional<String> brokenLink(Certificate certificate) {
        if (isPrimary(certificate)) {
            return Optional.empty();
        }
        if (certificate.links().isEmpty()) {
            return Optional.of("certificate " + certificate.id()
                    + " cites no standard, and its subject is not a PRIMARY standard");
        }
        List<String> path = new ArrayList<>(List.of(certificate.id()));
        try {
            walk(certificate, path);
            return Optional.empty();
        } catch (Broken broken) {
            return Optional.of(broken.getMessage());
        }
    }

    /** How many links the walk examined; a link reached twice through a shared chain counts once. */
    int linksChecked() {
        return linksChecked;
    }

    /** Checks every link of a certificate that is on the path; answers the length of its chain. */
    private int walk(Certificate citing, List<String> path) {
        int longest = 0;
        List<TraceabilityLink> links = citing.links();
        for (TraceabilityLink link : links) {
            longest = Math.max(longest, follow(citing, link, path));
        }
        soundChainLength.put(citing.id(), longest);
        return longest;
    }

    private int follow(Certificate citing, TraceabilityLink link, List<String> path) {
        int depth = path.size();
        LinkDescription where = new LinkDescription(depth, link, path);
        if (depth > MAX_DEPTH) {
            throw where.broken("the chain is longer than " + MAX_DEPTH + " links");
        }
        linksChecked++;
        Standard standard = lookup.standard(link.standardId())
                .orElseThrow(() -> where.broken("standard " + link.standardId() + " does not exist"));
        Certificate cited = lookup.certificate(link.certificateId())
                .orElseThrow(() -> where.broken("certificate " + link.certificateId() + " does not exist"));
        if (cited.subjectType() != SubjectType.STANDARD || !cited.subject().equals(standard.id())) {
            throw where.broken("certificate " + cited.id() + " is not a certificate of standard " + standard.id()
                    + " (its subject is " + cited.subject() + ")");
        }
        if (path.contains(cited.id())) {
            throw where.broken(where.cited() + " closes a cycle");
        }
        horizon.changesWith(cited);
        if (cited.endedAs(CertificateStatus.REVOKED, at)) {
            throw where.broken(
                    where.cited() + " is revoked (" + cited.statusChangedAt() + ": " + cited.statusReason() + ")");
        }
        if (!coversPerformance(cited, citing)) {
            throw where.broken(where.cited() + " was not valid over the performance of " + citing.id() + " ("
                    + citing.performedFrom() + " to " + citing.performedTo() + "; valid " + cited.issuedAt()
                    + " until " + cited.validUntil() + ")");
        }
        if (standard.level() == StandardLevel.PRIMARY) {
            return 1;
        }
        Integer known = soundChainLength.get(cited.id());
        if (known != null && depth + known <= MAX_DEPTH) {
            return 1 + known;
        }
        if (cited.links().isEmpty()) {
            throw where.broken(where.cited() + " (" + standard.level()
                    + ") cites no further standard, so the chain does not end at a PRIMARY standard");
        }
        path.add(cited.id());
        int length = walk(cited, path);
        path.remove(path.size() - 1);
        return 1 + length;
    }

    private boolean isPrimary(Certificate certificate) {
        return certificate.subjectType() == SubjectType.STANDARD
                && lookup.standard(certificate.subject())
                        .map(s -> s.level() == StandardLevel.PRIMARY)
                        .orElse(false);
    }

    /** The cited certificate must have been issued before and still valid after the measurement. */
    private static boolean coversPerformance(Certificate cited, Certificate citing) {
        return !Canonical.instant(cited.issuedAt()).isAfter(Canonical.instant(citing.performedFrom()))
                && Canonical.instant(citing.performedTo()).isBefore(Canonical.instant(cited.validUntil()));
    }

    /** Names a link as "link N" (N = links away from the certificate verified) with its path. */
    private record LinkDescription(int depth, TraceabilityLink link, List<String> path) {
        String cited() {
            return "certificate " + link.certificateId() + " of standard " + link.standardId();
        }

        Broken broken(String problem) {
            return new Broken("link " + depth + ": " + problem + " [path " + String.join(" → ", path) + " → "
                    + link.certificateId() + "]");
        }
    }

    /** Ends the walk at the first broken link; never leaves this class. */
    private static final class Broken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Broken(String detail) {
            super(detail, null, false, false);
        }
    }
}
