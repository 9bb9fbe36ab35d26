package org.metroledger.chaincode.identity;

import java.util.Arrays;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.state.RecordStore;

/**
 * Who is calling: the transaction creator's MSP and certificate, and the participant record the
 * region registered for it. Every permission check in the contracts goes through here.
 */
public final class Caller {
    private final String msp;
    private final X509Identity identity;
    private final Participant participant;

    private Caller(String msp, X509Identity identity, Participant participant) {
        this.msp = msp;
        this.identity = identity;
        this.participant = participant;
    }

    public static Caller of(Context ctx, RecordStore store) {
        String msp = ctx.getClientIdentity().getMSPID();
        X509Identity identity = X509Identity.of(ctx.getClientIdentity().getX509Certificate());
        Participant participant = store.idsByIndex(Participant.BY_IDENTITY, msp, identity.key()).stream()
                .findFirst()
                .flatMap(id -> store.find(Participant.TYPE, id, Participant.class))
                .orElse(null);
        return new Caller(msp, identity, participant);
    }

    public String msp() {
        return msp;
    }

    public X509Identity identity() {
        return identity;
    }

    public Optional<Participant> participant() {
        return Optional.ofNullable(participant);
    }

    /** Who acted, for records: the participant id, or the X.509 id of an unregistered (bootstrap admin) identity. */
    public String actor() {
        return participant != null ? participant.id() : identity.id();
    }

    /**
     * The caller's role: a registered one, or CENTRE_ADMIN for its MSP's admin OU (bootstrap); none
     * for a revoked participant, whatever OU its certificate carries.
     */
    public Optional<Role> role() {
        if (participant != null) {
            return participant.isRevoked() ? Optional.empty() : Optional.of(participant.role());
        }
        return identity.hasAdminOu() ? Optional.of(Role.CENTRE_ADMIN) : Optional.empty();
    }

    public boolean has(Role role) {
        return role().filter(r -> r == role).isPresent();
    }

    /** Refuses with FORBIDDEN unless the caller holds one of the roles. */
    public Caller require(String action, Role... allowed) {
        if (participant != null && participant.isRevoked()) {
            throw Fail.forbidden("participant " + participant.id() + " of " + msp + " was revoked at "
                    + participant.revocation().at() + " and may not " + action);
        }
        Role role =
                role().orElseThrow(() -> Fail.forbidden("an unregistered identity of " + msp + " may not " + action));
        if (Arrays.stream(allowed).noneMatch(r -> r == role)) {
            throw Fail.forbidden("a " + role + " of " + msp + " may not " + action);
        }
        return this;
    }

    /** The lab a LAB caller acts for; FORBIDDEN for any other caller. */
    public String labId(String action) {
        require(action, Role.LAB);
        return participant.organisation();
    }

    /** The entity an ENTITY caller acts for; FORBIDDEN for any other caller. */
    public String entityId(String action) {
        require(action, Role.ENTITY);
        return participant.organisation();
    }

    /** Refuses with FORBIDDEN unless the caller is a centre admin of that region. */
    public Caller requireAdminOf(String region, String action) {
        require(action, Role.CENTRE_ADMIN);
        if (!msp.equals(region)) {
            throw Fail.forbidden("a centre admin of " + msp + " may not " + action + " in " + region);
        }
        return this;
    }
}
