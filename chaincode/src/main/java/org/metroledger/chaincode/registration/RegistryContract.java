package org.metroledger.chaincode.registration;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.metroledger.chaincode.contract.MetroContract;
import org.metroledger.chaincode.contract.TransactionContext;
import org.metroledger.chaincode.credit.GradeTimelines;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.identity.Caller;
import org.metroledger.chaincode.identity.Participant;
import org.metroledger.chaincode.identity.ParticipantStatus;
import org.metroledger.chaincode.identity.Role;
import org.metroledger.chaincode.identity.X509Identity;
import org.metroledger.chaincode.indicator.Coverage;
import org.metroledger.chaincode.indicator.Tally;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.json.Check;
import org.metroledger.chaincode.registry.Accreditation;
import org.metroledger.chaincode.registry.CreditCode;
import org.metroledger.chaincode.registry.Entity;
import org.metroledger.chaincode.registry.EntityCategory;
import org.metroledger.chaincode.registry.Instrument;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.LabCapabilities;
import org.metroledger.chaincode.registry.LabKey;
import org.metroledger.chaincode.registry.LabStatus;
import org.metroledger.chaincode.registry.LegalAuthorisation;
import org.metroledger.chaincode.registry.Region;
import org.metroledger.chaincode.registry.ScopeItem;
import org.metroledger.chaincode.registry.Standard;
import org.metroledger.chaincode.registry.StandardLevel;
import org.metroledger.chaincode.signature.LabSignature;
import org.metroledger.chaincode.state.ById;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.chaincode.state.ReasonedChange;
import org.metroledger.chaincode.state.RecordStore;
import org.metroledger.chaincode.state.Stamp;

/**
 * Regions, participants, labs, market entities, instruments and standards. Each region's centre
 * admin registers into its own MSP only.
 */
@Contract(name = "registry", info = @Info(title = "MetroLedger registry", version = "1"))
public final class RegistryContract implements MetroContract {
    /** Request of RegisterRegion. */
    public record RegionRegistration(String name, List<String> provinces) {}

    /** Request of RegisterParticipant. */
    public record ParticipantRegistration(String id, String certificate, Role role, String organisation, String name) {}

    /** Request of RevokeParticipant. */
    public record ParticipantRevocation(String id, String reason) implements ReasonedChange {}

    /** Request of RegisterLab. */
    public record LabRegistration(String id, String name, Accreditation accreditation, String publicKey) {}

    /** Request of SetLabStatus. */
    public record LabStatusChange(String id, LabStatus status, String reason) {}

    /** Request of RenewAccreditation. */
    public record AccreditationRenewal(String id, Accreditation accreditation, String reason)
            implements ReasonedChange {}

    /**
     * Request of RegisterLabKey: the lab's new certificate-signing key, why, and (after a
     * compromise) the instant from which the key it replaces is no longer trusted.
     */
    public record LabKeyRegistration(String id, String publicKey, String reason, String compromisedAt) {}

    /** Request of GrantAuthorisation: the region granting is the caller's. */
    public record AuthorisationGrant(String lab, String category, String validFrom, String validUntil) {}

    /** Request of ListAuthorisations: a lab's, or a region's (of one category when named). */
    public record AuthorisationListing(String lab, String region, String category) {}

    /** Request of RegisterEntity. */
    public record EntityRegistration(String id, String name, String province, EntityCategory category) {}

    /** Request of RegisterInstrument. */
    public record InstrumentRegistration(
            String id,
            String owner,
            String type,
            String manufacturer,
            String model,
            String serial,
            String location,
            Boolean mandatory,
            String category) {}

    /** Request of RegisterStandard. */
    public record StandardRegistration(
            String id, String holder, String description, StandardLevel level, String category) {}

    /** Answer of WhoAmI. */
    public record Identity(String msp, String identity, String role, Participant participant) {}

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterRegion(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        RegionRegistration r = Canonical.read(request, RegionRegistration.class);
        Check.text("name", r.name(), 200);
        Check.items("provinces", r.provinces(), 1).forEach(p -> Check.text("provinces[]", p, 100));
        Caller caller = ctx.caller();
        caller.requireAdminOf(caller.msp(), "register its region");
        store.requireAbsent(Region.TYPE, caller.msp());
        Stamp s = store.stamp();
        Region region = new Region(caller.msp(), r.name(), List.copyOf(r.provinces()), s.recordedAt(), s.txId());
        store.put(Region.TYPE, region.msp(), region);
        store.index(Region.ALL, region.msp());
        return store.answerWithEvent("RegionRegistered", region);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterParticipant(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        ParticipantRegistration r = Canonical.read(request, ParticipantRegistration.class);
        Check.id("id", r.id());
        X509Certificate certificate = X509Identity.certificate("certificate", r.certificate());
        X509Identity identity = X509Identity.of(certificate);
        Check.required("role", r.role());
        Check.text("name", r.name(), 200);
        Caller caller = ctx.caller().require("register participants", Role.CENTRE_ADMIN);
        String organisation = null;
        if (r.role() == Role.LAB) {
            Lab lab = store.get(Lab.TYPE, Check.id("organisation", r.organisation()), Lab.class);
            caller.requireAdminOf(lab.region(), "register staff of lab " + lab.id());
            organisation = lab.id();
        } else if (r.role() == Role.ENTITY) {
            Entity entity = store.get(Entity.TYPE, Check.id("organisation", r.organisation()), Entity.class);
            caller.requireAdminOf(entity.region(), "register staff of entity " + entity.id());
            organisation = entity.id();
        } else if (r.organisation() != null) {
            throw Fail.invalid("organisation", "is only for LAB and ENTITY participants");
        }
        store.requireAbsent(Participant.TYPE, r.id());
        if (!store.idsByIndex(Participant.BY_IDENTITY, caller.msp(), identity.key())
                .isEmpty()) {
            throw Fail.conflict("that certificate is registered already in " + caller.msp());
        }
        Stamp s = store.stamp();
        Participant participant = new Participant(
                r.id(),
                caller.msp(),
                identity.id(),
                identity.key(),
                r.role(),
                organisation,
                r.name(),
                s.recordedAt(),
                s.txId(),
                certificate.getSerialNumber().toString(16),
                ParticipantStatus.ACTIVE,
                null);
        store.put(Participant.TYPE, participant.id(), participant);
        store.index(Participant.BY_IDENTITY, caller.msp(), identity.key(), participant.id());
        return store.answerWithEvent("ParticipantRegistered", participant);
    }

    /**
     * Takes a participant out of its region (centre admin of that region, with a reason): final.
     * The gateway first revokes the certificate at the region's CA and puts the CRL in the channel
     * configuration, so that every peer and orderer refuses the identity; this record is what the
     * contracts and readers see, and the participant's identity index stays, so the same subject
     * cannot be registered again.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RevokeParticipant(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        ParticipantRevocation r = ReasonedChange.read(request, ParticipantRevocation.class);
        Participant participant = store.get(Participant.TYPE, r.id(), Participant.class);
        ctx.caller().requireAdminOf(participant.msp(), "revoke participant " + participant.id());
        if (participant.isRevoked()) {
            throw Fail.conflict("participant " + participant.id() + " is revoked already");
        }
        Stamp s = store.stamp();
        Participant revoked = participant.revoked(new Participant.Revocation(
                s.recordedAt(), r.reason(), ctx.caller().actor(), s.txId()));
        store.put(Participant.TYPE, revoked.id(), revoked);
        return store.answerWithEvent("ParticipantRevoked", revoked);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterLab(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        LabRegistration r = Canonical.read(request, LabRegistration.class);
        Check.id("id", r.id());
        Check.text("name", r.name(), 200);
        Accreditation accreditation = validAccreditation(r.accreditation());
        LabSignature.publicKey("publicKey", r.publicKey());
        ctx.caller().requireAdminOf(ctx.caller().msp(), "register labs");
        store.requireAbsent(Lab.TYPE, r.id());
        Lab lab = Lab.registered(r.id(), r.name(), ctx.caller().msp(), accreditation, r.publicKey(), store.stamp());
        store.put(Lab.TYPE, lab.id(), lab);
        store.index(Lab.ALL, lab.id());
        LabCapabilities.reindex(store, null, lab);
        return store.answerWithEvent("LabRegistered", lab);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String SetLabStatus(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        LabStatusChange r = Canonical.read(request, LabStatusChange.class);
        Check.id("id", r.id());
        Check.required("status", r.status());
        Check.text("reason", r.reason(), 1000);
        Lab lab = store.get(Lab.TYPE, r.id(), Lab.class);
        ctx.caller().requireAdminOf(lab.region(), "change the status of lab " + lab.id());
        lab.requireNotWithdrawn(", and cannot become " + r.status());
        Lab changed = lab.withStanding(r.status(), r.reason(), lab.accreditation(), store.stamp());
        store.put(Lab.TYPE, lab.id(), changed);
        LabCapabilities.reindex(store, lab, changed);
        return store.answerWithEvent("LabStatusChanged", changed);
    }

    /**
     * A lab's new accreditation (renewed, extended or narrowed), from the transaction time on: its
     * standing history keeps the old one for the certificates dated under it.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RenewAccreditation(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        AccreditationRenewal r = ReasonedChange.read(request, AccreditationRenewal.class);
        Accreditation accreditation = validAccreditation(r.accreditation());
        Lab lab = store.get(Lab.TYPE, r.id(), Lab.class);
        ctx.caller().requireAdminOf(lab.region(), "renew the accreditation of lab " + lab.id());
        lab.requireNotWithdrawn(": register it anew");
        Lab renewed = lab.withStanding(lab.status(), r.reason(), accreditation, store.stamp());
        store.put(Lab.TYPE, lab.id(), renewed);
        LabCapabilities.reindex(store, lab, renewed);
        return store.answerWithEvent("LabAccreditationRenewed", renewed);
    }

    /**
     * A lab's new certificate-signing key, current from the transaction time on (DESIGN §2). The
     * lab itself (a LAB participant of it) or a centre admin of its region may register it: the
     * lab holds its key, and its centre, which registered the first key, must be able to act for a
     * lab whose key is lost. The key replaced stays in the history, and certificates recorded with
     * it keep verifying, unless {@code compromisedAt} is given (not before the replaced key became
     * the lab's, nor after now): those recorded from then on answer SIGNATURE_INVALID. A key once
     * the lab's may not be registered again; a WITHDRAWN lab registers none.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterLabKey(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        LabKeyRegistration r = Canonical.read(request, LabKeyRegistration.class);
        Check.id("id", r.id());
        LabSignature.publicKey("publicKey", r.publicKey());
        Check.text("reason", r.reason(), 1000);
        Instant compromisedAt = Check.optionalInstant("compromisedAt", r.compromisedAt());
        Check.that(
                compromisedAt == null || !compromisedAt.isAfter(store.now()),
                "compromisedAt",
                "must not be later than the transaction time " + store.now());
        Lab lab = store.get(Lab.TYPE, r.id(), Lab.class);
        if (ctx.caller().has(Role.LAB)) {
            String own = ctx.caller().labId("register signing keys");
            if (!own.equals(lab.id())) {
                throw Fail.forbidden(
                        "a participant of lab " + own + " may not register signing keys of lab " + lab.id());
            }
        } else {
            ctx.caller().requireAdminOf(lab.region(), "register signing keys of lab " + lab.id());
        }
        LabKey current = lab.currentKey();
        Check.that(
                compromisedAt == null || !compromisedAt.isBefore(Instant.parse(current.from())),
                "compromisedAt",
                "must not be before the current key became the lab's (" + current.from() + ")");
        lab.requireNotWithdrawn(", and registers no keys");
        String fingerprint = LabSignature.fingerprint(r.publicKey());
        if (lab.key(fingerprint).isPresent()) {
            throw Fail.conflict("key " + fingerprint + " has been lab " + lab.id() + "'s already; register a new one");
        }
        Lab rotated = lab.withKey(
                r.publicKey(), compromisedAt == null ? null : compromisedAt.toString(), r.reason(), store.stamp());
        store.put(Lab.TYPE, lab.id(), rotated);
        return store.answerWithEvent("LabKeyRegistered", rotated);
    }

    /**
     * Writes the capability catalogue's keys of a lab registered before the catalogue was indexed;
     * idempotent (a search checks every key against the lab's current scope anyway).
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String IndexCapabilities(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        Lab lab = store.get(Lab.TYPE, ById.checked(request), Lab.class);
        ctx.caller().requireAdminOf(lab.region(), "index the capabilities of lab " + lab.id());
        LabCapabilities.reindex(store, null, lab);
        return store.answerWithEvent("LabCapabilitiesIndexed", lab);
    }

    /**
     * A region's centre admin authorises a lab (of any region) to issue legal VERIFICATION
     * certificates for instruments of a category in the region; granting again replaces the grant.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String GrantAuthorisation(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        AuthorisationGrant r = Canonical.read(request, AuthorisationGrant.class);
        Check.id("lab", r.lab());
        Check.id("category", r.category());
        var from = Check.instant("validFrom", r.validFrom());
        var until = Check.instant("validUntil", r.validUntil());
        Check.that(until.isAfter(from), "validUntil", "must be after validFrom");
        Caller caller = ctx.caller().require("grant legal-verification authorisations", Role.CENTRE_ADMIN);
        if (!store.exists(Region.TYPE, caller.msp())) {
            throw Fail.forbidden(caller.msp() + " is not a registered region, so it may not grant authorisations");
        }
        Lab lab = store.get(Lab.TYPE, r.lab(), Lab.class);
        Stamp s = store.stamp();
        LegalAuthorisation granted = new LegalAuthorisation(
                lab.id(),
                caller.msp(),
                r.category(),
                from.toString(),
                until.toString(),
                caller.actor(),
                s.recordedAt(),
                s.txId());
        store.putUnder(LegalAuthorisation.TYPE, granted, lab.id(), caller.msp(), r.category());
        store.index(LegalAuthorisation.BY_REGION, caller.msp(), r.category(), lab.id());
        return store.answerWithEvent("AuthorisationGranted", granted);
    }

    /** A lab's legal-verification authorisations, or a region's (of one category when named). */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListAuthorisations(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        AuthorisationListing r = Canonical.read(request, AuthorisationListing.class);
        List<LegalAuthorisation> found;
        if (r.lab() != null) {
            Check.that(
                    r.region() == null && r.category() == null,
                    "lab",
                    "is asked for alone, without region or category");
            found = store.allUnder(LegalAuthorisation.TYPE, LegalAuthorisation.class, Check.id("lab", r.lab()));
        } else {
            Check.id("region", r.region());
            String[] prefix = r.category() == null
                    ? new String[] {r.region()}
                    : new String[] {r.region(), Check.id("category", r.category())};
            found = store.keysByIndex(LegalAuthorisation.BY_REGION, prefix).stream()
                    .map(key -> store.findUnder(
                                    LegalAuthorisation.TYPE,
                                    LegalAuthorisation.class,
                                    key.get(2),
                                    key.get(0),
                                    key.get(1))
                            .orElseThrow())
                    .toList();
        }
        return Canonical.json(found);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterEntity(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        EntityRegistration r = Canonical.read(request, EntityRegistration.class);
        CreditCode.validate("id", r.id());
        Check.text("name", r.name(), 200);
        Check.text("province", r.province(), 100);
        Check.required("category", r.category());
        ctx.caller().requireAdminOf(ctx.caller().msp(), "register market entities");
        store.requireAbsent(Entity.TYPE, r.id());
        Stamp s = store.stamp();
        Entity entity =
                new Entity(r.id(), r.name(), ctx.caller().msp(), r.province(), r.category(), s.recordedAt(), s.txId());
        store.put(Entity.TYPE, entity.id(), entity);
        store.index(Entity.BY_REGION, entity.region(), entity.category().name(), entity.id());
        GradeTimelines.refresh(store, entity, null);
        return store.answerWithEvent("EntityRegistered", entity);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterInstrument(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        InstrumentRegistration r = Canonical.read(request, InstrumentRegistration.class);
        Check.id("id", r.id());
        Check.id("owner", r.owner());
        Check.text("type", r.type(), 200);
        Check.text("manufacturer", r.manufacturer(), 200);
        Check.text("model", r.model(), 200);
        Check.text("serial", r.serial(), 200);
        Check.text("location", r.location(), 500);
        Check.required("mandatory", r.mandatory());
        Check.id("category", r.category());
        Entity owner = store.get(Entity.TYPE, r.owner(), Entity.class);
        if (ctx.caller().has(Role.ENTITY)) {
            if (!ctx.caller().entityId("register instruments").equals(owner.id())) {
                throw Fail.forbidden("an entity may register only its own instruments");
            }
        } else {
            ctx.caller().requireAdminOf(owner.region(), "register instruments of entity " + owner.id());
        }
        store.requireAbsent(Instrument.TYPE, r.id());
        Stamp s = store.stamp();
        Instrument instrument = new Instrument(
                r.id(),
                owner.id(),
                r.type(),
                r.manufacturer(),
                r.model(),
                r.serial(),
                r.location(),
                r.mandatory(),
                r.category(),
                s.recordedAt(),
                s.txId());
        store.put(Instrument.TYPE, instrument.id(), instrument);
        store.index(Instrument.BY_OWNER, owner.id(), instrument.id());
        Tally tally = new Tally();
        Coverage.save(
                store,
                null,
                new Coverage(
                        instrument.id(),
                        owner.region(),
                        owner.province(),
                        instrument.category(),
                        instrument.mandatory(),
                        instrument.recordedAt(),
                        List.of()),
                tally);
        tally.write(store.stub(), instrument.id());
        return store.answerWithEvent("InstrumentRegistered", instrument);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterStandard(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        StandardRegistration r = Canonical.read(request, StandardRegistration.class);
        Check.id("id", r.id());
        Check.id("holder", r.holder());
        Check.text("description", r.description(), 1000);
        Check.required("level", r.level());
        Check.id("category", r.category());
        Lab holder = store.get(Lab.TYPE, r.holder(), Lab.class);
        ctx.caller().requireAdminOf(holder.region(), "register standards of lab " + holder.id());
        store.requireAbsent(Standard.TYPE, r.id());
        Stamp s = store.stamp();
        Standard standard =
                new Standard(r.id(), holder.id(), r.description(), r.level(), r.category(), s.recordedAt(), s.txId());
        store.put(Standard.TYPE, standard.id(), standard);
        return store.answerWithEvent("StandardRegistered", standard);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String WhoAmI(TransactionContext ctx) {
        Caller caller = ctx.caller();
        return Canonical.json(new Identity(
                caller.msp(),
                caller.identity().id(),
                caller.role().map(Enum::name).orElse(null),
                caller.participant().orElse(null)));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetRegion(TransactionContext ctx, String request) {
        return ById.answer(ctx.store(), request, Region.TYPE, Region.class);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListRegions(TransactionContext ctx) {
        RecordStore store = ctx.store();
        List<Region> regions = store.recordsByIndex(Region.TYPE, Region.class, Region.ALL);
        return Canonical.json(regions);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetParticipant(TransactionContext ctx, String request) {
        return ById.answer(ctx.store(), request, Participant.TYPE, Participant.class);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetLab(TransactionContext ctx, String request) {
        return ById.answer(ctx.store(), request, Lab.TYPE, Lab.class);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListLabs(TransactionContext ctx, String request) {
        RecordStore store = ctx.store();
        Listing r = Canonical.read(request, Listing.class);
        Page<Lab> page = store.recordPage(r.over(store, Lab.ALL), Lab.class, Lab.TYPE);
        return Canonical.json(page);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetEntity(TransactionContext ctx, String request) {
        return ById.answer(ctx.store(), request, Entity.TYPE, Entity.class);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetInstrument(TransactionContext ctx, String request) {
        return ById.answer(ctx.store(), request, Instrument.TYPE, Instrument.class);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetStandard(TransactionContext ctx, String request) {
        return ById.answer(ctx.store(), request, Standard.TYPE, Standard.class);
    }

    private static Accreditation validAccreditation(Accreditation a) {
        Check.required("accreditation", a);
        Check.text("accreditation.body", a.body(), 200);
        Check.text("accreditation.number", a.number(), 100);
        var from = Check.instant("accreditation.validFrom", a.validFrom());
        var until = Check.instant("accreditation.validUntil", a.validUntil());
        Check.that(until.isAfter(from), "accreditation.validUntil", "must be after validFrom");
        Check.items("accreditation.scope", a.scope(), 1);
        for (int i = 0; i < a.scope().size(); i++) {
            ScopeItem item = a.scope().get(i);
            String at = "accreditation.scope[" + i + "].";
            Check.id(at + "category", item.category());
            Check.text(at + "quantity", item.quantity(), 200);
            Check.text(at + "range", item.range(), 200);
            Check.text(at + "cmcUncertainty", item.cmcUncertainty(), 200);
        }
        return new Accreditation(a.body(), a.number(), from.toString(), until.toString(), List.copyOf(a.scope()));
    }
}
