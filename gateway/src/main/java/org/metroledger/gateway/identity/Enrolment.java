package org.metroledger.gateway.identity;

/**
 * Where a new member's certificate comes from: the embedded ledger's own CAs, or on Fabric the
 * member's organisation's Fabric CA. The key is made here and never leaves the gateway's wallet.
 */
@FunctionalInterface
public interface Enrolment {
    /**
     * A new certificate (and key) for {@code name} in {@code msp}, with the NodeOU as its OU.
     *
     * @throws IllegalArgumentException for an MSP the enrolment does not serve
     */
    Member enrol(String msp, String name, NodeOu ou);
}
