package org.metroledger.chaincode.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metroledger.chaincode.registry.Accreditation;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.LabCapabilities;
import org.metroledger.chaincode.registry.LabStatus;
import org.metroledger.chaincode.registry.LegalAuthorisation;
import org.metroledger.chaincode.registry.RecognitionAgreement;
import org.metroledger.chaincode.registry.ScopeItem;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.chaincode.state.RecordStore;

/**
 * The catalogue search: a page of one index's keys (by category, else by quantity), and for each
 * only the lab it names; lines of labs not ACTIVE, or whose accreditation is not in force at
 * {@code at}, or that the other criteria exclude, are left out of the page.
 */
final class CapabilitySearch {
    /** What was asked, checked. */
    record Query(
            String category,
            String quantity,
            MeasuringRange range,
            String region,
            String labRegion,
            Instant at,
            Listing page) {}

    private final RecordStore store;
    private final Query query;
    private final Map<String, Optional<Lab>> labs = new HashMap<>();
    private final List<RecognitionAgreement> agreements;

    CapabilitySearch(RecordStore store, Query query) {
        this.store = store;
        this.query = query;
        this.agreements = query.region() == null
                ? List.of()
                : store.idsByIndex(RecognitionAgreement.BY_MEMBER, query.region()).stream()
                        .sorted()
                        .map(id -> store.get(RecognitionAgreement.TYPE, id, RecognitionAgreement.class))
                        .toList();
    }

    Page<Capability> run() {
        Page<List<String>> keys = store.keyPage(
                query.category() != null
                        ? query.page().over(store, LabCapabilities.BY_CATEGORY, query.category())
                        : query.page()
                                .over(
                                        store,
                                        LabCapabilities.BY_QUANTITY,
                                        LabCapabilities.quantityKey(query.quantity())));
        List<Capability> hits = new ArrayList<>();
        for (List<String> key : keys.items()) {
            hit(key.get(1), Integer.parseInt(key.get(2))).ifPresent(hits::add);
        }
        return new Page<>(hits, keys.bookmark());
    }

    private Optional<Capability> hit(String labId, int line) {
        Optional<Lab> found = labs.computeIfAbsent(labId, id -> store.find(Lab.TYPE, id, Lab.class));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Lab lab = found.get();
        Accreditation a = lab.accreditation();
        if (lab.status() != LabStatus.ACTIVE
                || query.at().isBefore(Instant.parse(a.validFrom()))
                || !query.at().isBefore(Instant.parse(a.validUntil()))
                || line >= a.scope().size()
                || (query.labRegion() != null && !query.labRegion().equals(lab.region()))) {
            return Optional.empty();
        }
        ScopeItem item = a.scope().get(line);
        if ((query.category() != null && !query.category().equals(item.category()))
                || (query.quantity() != null
                        && !LabCapabilities.quantityKey(query.quantity())
                                .equals(LabCapabilities.quantityKey(item.quantity())))
                || (query.range() != null
                        && !MeasuringRange.of(item.range())
                                .map(r -> r.holds(query.range()))
                                .orElse(false))) {
            return Optional.empty();
        }
        List<Capability.Authorisation> authorisations =
                store.allUnder(LegalAuthorisation.TYPE, LegalAuthorisation.class, lab.id()).stream()
                        .filter(g -> g.category().equals(item.category()) && g.inForceAt(query.at()))
                        .map(g -> new Capability.Authorisation(g.region(), g.category(), g.validFrom(), g.validUntil()))
                        .toList();
        return Optional.of(new Capability(
                new Capability.LabSummary(
                        lab.id(), lab.name(), lab.region(), lab.status().name()),
                new Capability.AccreditationSummary(a.body(), a.number(), a.validFrom(), a.validUntil()),
                new Capability.Line(line, item.category(), item.quantity(), item.range(), item.cmcUncertainty()),
                authorisations,
                query.region() == null ? null : recognition(lab.region(), item.category())));
    }

    private Capability.Recognition recognition(String labRegion, String category) {
        String region = query.region();
        if (region.equals(labRegion)) {
            return new Capability.Recognition(region, true, null, "the lab is of region " + region + " itself");
        }
        List<String> problems = new ArrayList<>();
        for (RecognitionAgreement agreement : agreements) {
            String problem = agreement.problemWith(labRegion, region, category, query.at());
            if (problem == null) {
                return new Capability.Recognition(
                        region,
                        true,
                        agreement.id(),
                        "agreement " + agreement.id() + " covers regions " + labRegion + " and " + region
                                + " and category " + category);
            }
            problems.add(problem);
        }
        return new Capability.Recognition(
                region,
                false,
                null,
                problems.isEmpty()
                        ? "no recognition agreement has region " + region + " as a member"
                        : String.join("; ", problems));
    }
}
