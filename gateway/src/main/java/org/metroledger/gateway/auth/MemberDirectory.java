package org.metroledger.gateway.auth;

import java.util.Optional;
import org.metroledger.gateway.identity.Member;

/** Finds the ledger identity (with its signing key) that a token's name refers to. */
@FunctionalInterface
public interface MemberDirectory {
    Optional<Member> member(String msp, String name);
}
