package org.metroledger.gateway.contracts;

import java.util.Objects;
import org.metroledger.gateway.ledger.Ledger;

/**
 * The MetroLedger contracts over one ledger, embedded or Fabric: every call the gateway makes to
 * the chaincode goes through one of these. Built once at start and shared; it holds no state.
 */
public final class Contracts {
    private final Ledger ledger;
    private final Registry registry;
    private final Audit audit;
    private final Engagements engagements;
    private final Certificates certificates;
    private final Commitments commitments;
    private final Credit credit;
    private final Recognitions recognitions;
    private final Inspections inspections;
    private final Indicators indicators;
    private final Catalogue catalogue;
    private final Notices notices;

    public Contracts(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.registry = new Registry(ledger);
        this.audit = new Audit(ledger);
        this.engagements = new Engagements(ledger);
        this.certificates = new Certificates(ledger);
        this.commitments = new Commitments(ledger);
        this.credit = new Credit(ledger);
        this.recognitions = new Recognitions(ledger);
        this.inspections = new Inspections(ledger);
        this.indicators = new Indicators(ledger);
        this.catalogue = new Catalogue(ledger);
        this.notices = new Notices(ledger);
    }

    /** The ledger the contracts run on, for what is no contract's (blocks, events, height). */
    public Ledger ledger() {
        return ledger;
    }

    public Registry registry() {
        return registry;
    }

    public Audit audit() {
        return audit;
    }

    public Engagements engagements() {
        return engagements;
    }

    public Certificates certificates() {
        return certificates;
    }

    public Commitments commitments() {
        return commitments;
    }

    public Credit credit() {
        return credit;
    }

    public Recognitions recognitions() {
        return recognitions;
    }

    public Inspections inspections() {
        return inspections;
    }

    public Indicators indicators() {
        return indicators;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public Notices notices() {
        return notices;
    }
}
