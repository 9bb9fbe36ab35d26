package org.metroledger.gateway.contracts;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.metroledger.chaincode.identity.Participant;
import org.metroledger.chaincode.registration.RegistryContract.AccreditationRenewal;
import org.metroledger.chaincode.registration.RegistryContract.AuthorisationGrant;
import org.metroledger.chaincode.registration.RegistryContract.AuthorisationListing;
import org.metroledger.chaincode.registration.RegistryContract.EntityRegistration;
import org.metroledger.chaincode.registration.RegistryContract.Identity;
import org.metroledger.chaincode.registration.RegistryContract.InstrumentRegistration;
import org.metroledger.chaincode.registration.RegistryContract.LabKeyRegistration;
import org.metroledger.chaincode.registration.RegistryContract.LabRegistration;
import org.metroledger.chaincode.registration.RegistryContract.LabStatusChange;
import org.metroledger.chaincode.registration.RegistryContract.ParticipantRegistration;
import org.metroledger.chaincode.registration.RegistryContract.ParticipantRevocation;
import org.metroledger.chaincode.registration.RegistryContract.RegionRegistration;
import org.metroledger.chaincode.registration.RegistryContract.StandardRegistration;
import org.metroledger.chaincode.registry.Entity;
import org.metroledger.chaincode.registry.Instrument;
import org.metroledger.chaincode.registry.Lab;
import org.metroledger.chaincode.registry.LegalAuthorisation;
import org.metroledger.chaincode.registry.Region;
import org.metroledger.chaincode.registry.Standard;
import org.metroledger.chaincode.state.ById;
import org.metroledger.chaincode.state.Listing;
import org.metroledger.chaincode.state.Page;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.ledger.Ledger;

/** The registry contract: regions, participants, labs, entities, instruments, standards. */
public final class Registry {
    private static final AnswerType<Region> REGION = AnswerType.of(Region.class);
    private static final AnswerType<Participant> PARTICIPANT = AnswerType.of(Participant.class);
    private static final AnswerType<Lab> LAB = AnswerType.of(Lab.class);
    private static final AnswerType<Entity> ENTITY = AnswerType.of(Entity.class);
    private static final AnswerType<Instrument> INSTRUMENT = AnswerType.of(Instrument.class);
    private static final AnswerType<Standard> STANDARD = AnswerType.of(Standard.class);

    private final Functions functions;

    Registry(Ledger ledger) {
        this.functions = new Functions(ledger, "registry");
    }

    public CompletableFuture<Written<Region>> registerRegion(Member who, Request<RegionRegistration> request) {
        return functions.submit(who, "RegisterRegion", request, REGION);
    }

    public CompletableFuture<Written<Participant>> registerParticipant(
            Member who, Request<ParticipantRegistration> request) {
        return functions.submit(who, "RegisterParticipant", request, PARTICIPANT);
    }

    public CompletableFuture<Written<Participant>> revokeParticipant(
            Member who, Request<ParticipantRevocation> request) {
        return functions.submit(who, "RevokeParticipant", request, PARTICIPANT);
    }

    /**
     * Runs RevokeParticipant as {@code who} without committing it: the contract's checks (role,
     * region, the participant exists and is not revoked), so that what must come before the write
     * is done only for a revocation the ledger will take.
     */
    public CompletableFuture<Answer<Participant>> tryRevokeParticipant(
            Member who, Request<ParticipantRevocation> request) {
        return functions.evaluate(who, "RevokeParticipant", request, PARTICIPANT);
    }

    public CompletableFuture<Written<Lab>> registerLab(Member who, Request<LabRegistration> request) {
        return functions.submit(who, "RegisterLab", request, LAB);
    }

    public CompletableFuture<Written<Lab>> setLabStatus(Member who, Request<LabStatusChange> request) {
        return functions.submit(who, "SetLabStatus", request, LAB);
    }

    public CompletableFuture<Written<Lab>> renewAccreditation(Member who, Request<AccreditationRenewal> request) {
        return functions.submit(who, "RenewAccreditation", request, LAB);
    }

    /** Writes the catalogue's keys of a lab registered before they were kept. */
    public CompletableFuture<Written<Lab>> indexCapabilities(Member who, String lab) {
        return functions.submit(who, "IndexCapabilities", Request.of(new ById(lab)), LAB);
    }

    /** A lab's new signing key, or the compromise of its current one. */
    public CompletableFuture<Written<Lab>> registerLabKey(Member who, Request<LabKeyRegistration> request) {
        return functions.submit(who, "RegisterLabKey", request, LAB);
    }

    public CompletableFuture<Written<LegalAuthorisation>> grantAuthorisation(
            Member who, Request<AuthorisationGrant> request) {
        return functions.submit(who, "GrantAuthorisation", request, AnswerType.of(LegalAuthorisation.class));
    }

    public CompletableFuture<Answer<List<LegalAuthorisation>>> listAuthorisations(
            Member who, AuthorisationListing request) {
        return functions.evaluate(
                who, "ListAuthorisations", Request.of(request), AnswerType.listOf(LegalAuthorisation.class));
    }

    public CompletableFuture<Written<Entity>> registerEntity(Member who, Request<EntityRegistration> request) {
        return functions.submit(who, "RegisterEntity", request, ENTITY);
    }

    public CompletableFuture<Written<Instrument>> registerInstrument(
            Member who, Request<InstrumentRegistration> request) {
        return functions.submit(who, "RegisterInstrument", request, INSTRUMENT);
    }

    public CompletableFuture<Written<Standard>> registerStandard(Member who, Request<StandardRegistration> request) {
        return functions.submit(who, "RegisterStandard", request, STANDARD);
    }

    /** Who the ledger takes {@code who} for: organisation, identity, role and participant record. */
    public CompletableFuture<Answer<Identity>> whoAmI(Member who) {
        return functions.evaluate(who, "WhoAmI", Request.none(), AnswerType.of(Identity.class));
    }

    public CompletableFuture<Answer<Region>> getRegion(Member who, String msp) {
        return functions.evaluate(who, "GetRegion", Request.of(new ById(msp)), REGION);
    }

    public CompletableFuture<Answer<List<Region>>> listRegions(Member who) {
        return functions.evaluate(who, "ListRegions", Request.none(), AnswerType.listOf(Region.class));
    }

    public CompletableFuture<Answer<Participant>> getParticipant(Member who, String id) {
        return functions.evaluate(who, "GetParticipant", Request.of(new ById(id)), PARTICIPANT);
    }

    public CompletableFuture<Answer<Lab>> getLab(Member who, String id) {
        return functions.evaluate(who, "GetLab", Request.of(new ById(id)), LAB);
    }

    public CompletableFuture<Answer<Page<Lab>>> listLabs(Member who, Listing paging) {
        return functions.evaluate(who, "ListLabs", Request.of(paging), AnswerType.pageOf(Lab.class));
    }

    public CompletableFuture<Answer<Entity>> getEntity(Member who, String id) {
        return functions.evaluate(who, "GetEntity", Request.of(new ById(id)), ENTITY);
    }

    public CompletableFuture<Answer<Instrument>> getInstrument(Member who, String id) {
        return functions.evaluate(who, "GetInstrument", Request.of(new ById(id)), INSTRUMENT);
    }

    public CompletableFuture<Answer<Standard>> getStandard(Member who, String id) {
        return functions.evaluate(who, "GetStandard", Request.of(new ById(id)), STANDARD);
    }
}
