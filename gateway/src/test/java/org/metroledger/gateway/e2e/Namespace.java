package org.metroledger.gateway.e2e;

import java.security.SecureRandom;
import org.metroledger.chaincode.registry.CreditCode;

/**
 * The ids of one run of a scenario class: a short random code that prefixes every id the run writes
 * (labs, instruments, certificates, categories, participants, ...), sits inside every credit code it
 * registers, and names the cast users it enrols. Every class then runs on a ledger that other
 * classes, and earlier runs of itself, have written to: a real Fabric network in CI.
 */
public final class Namespace {
    /** The characters of a unified social credit code (GB 32100), so the code fits inside one. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int LENGTH = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String code;

    private Namespace(String code) {
        this.code = code;
    }

    /** A namespace no other run is expected to have used: 31^5 (28 million) codes. */
    public static Namespace fresh() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new Namespace(code.toString());
    }

    /** The code, e.g. {@code K7Q2M}. */
    public String code() {
        return code;
    }

    /** The id of this run for a local name: {@code id("C-1")} is {@code K7Q2M-C-1}. */
    public String id(String local) {
        return code + "-" + local;
    }

    /** Whether an id was made by {@link #id} of this namespace. */
    public boolean owns(String id) {
        return id != null && id.startsWith(code + "-");
    }

    /**
     * A valid credit code of this run: the 8-character registration and division part (e.g.
     * {@code 91110000} for a Beijing enterprise), the namespace code, a 4-digit serial, and the check
     * character. Distinct serials give distinct codes; no other namespace makes the same ones.
     */
    public String creditCode(String division, int serial) {
        if (division.length() != 8) {
            throw new IllegalArgumentException("division '" + division + "' must have 8 characters");
        }
        if (serial < 0 || serial > 9999) {
            throw new IllegalArgumentException("serial " + serial + " must be 0-9999");
        }
        String first17 = division + code + String.format("%04d", serial);
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** The cast member of this run under a name of {@link Cast}: same MSP and role, its own identity. */
    public Cast.Member member(String castName) {
        Cast.Member member = Cast.member(castName);
        return new Cast.Member(member.name() + "." + code, member.msp(), member.admin());
    }

    @Override
    public String toString() {
        return code;
    }
}
