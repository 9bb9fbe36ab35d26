package org.metroledger.gateway.identity;

import java.time.Instant;
import org.metroledger.simulation.CertificateAuthority;

/** Members a test's own simulated CA issues, as the gateway holds them. */
public final class TestMembers {
    private TestMembers() {}

    public static Member issue(CertificateAuthority ca, String commonName, String nodeOu, Instant notBefore) {
        org.metroledger.simulation.Member issued = ca.issue(commonName, nodeOu, notBefore);
        return new Member(issued.mspId(), issued.certificate(), issued.privateKey());
    }
}
