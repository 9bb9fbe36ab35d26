package org.metroledger.gateway.ledger.fabric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metroledger.gateway.identity.Enrolment;
import org.metroledger.gateway.identity.IdentityStore;
import org.metroledger.gateway.identity.Member;
import org.metroledger.gateway.identity.NodeOu;

/** Every organisation's Fabric CA, as the connection file names them: the network's enrolment. */
public final class FabricCas implements Enrolment {
    private final Map<String, FabricCa> byMsp = new LinkedHashMap<>();
    private final Map<String, Member> registrars = new LinkedHashMap<>();

    private FabricCas() {}

    public static FabricCas of(FabricNetwork network) {
        FabricCas cas = new FabricCas();
        for (FabricNetwork.Organization org : network.organizations()) {
            FabricNetwork.Authority ca = org.ca();
            if (ca == null || ca.url() == null) {
                throw new IllegalArgumentException(
                        "the connection file names no Fabric CA for " + org.mspId() + "; rerun scripts/network.sh up");
            }
            FabricNetwork.IdentityFiles files = org.identity(ca.registrar())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "the connection file names no identity '" + ca.registrar() + "' of " + org.mspId()));
            Member registrar =
                    IdentityStore.read(org.mspId(), Path.of(files.certificatePath()), Path.of(files.privateKeyPath()));
            X509Certificate root;
            try {
                root = FabricCa.certificate(Files.readAllBytes(Path.of(ca.certificatePath())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the CA certificate of " + org.mspId(), e);
            }
            cas.byMsp.put(org.mspId(), new FabricCa(ca.name(), URI.create(ca.url()), root, registrar));
            cas.registrars.put(org.mspId(), registrar);
        }
        return cas;
    }

    /** The gateway's wallet in {@code dataDir}, whose new members the network's Fabric CAs enrol. */
    public static IdentityStore wallet(Path dataDir, FabricNetwork network) {
        return IdentityStore.enrollingAt(dataDir, Clock.systemUTC(), of(network));
    }

    @Override
    public Member enrol(String msp, String name, NodeOu ou) {
        try {
            return ca(msp).enrol(msp, name, ou);
        } catch (FabricCa.CaException e) {
            throw e.asLedgerFailure();
        }
    }

    /** The organisation's CA. */
    public FabricCa ca(String msp) {
        FabricCa ca = byMsp.get(msp);
        if (ca == null) {
            throw new IllegalArgumentException("no Fabric CA of " + msp + " in the connection file");
        }
        return ca;
    }

    /** The organisation's admin, who registers and revokes at its CA and signs its channel changes. */
    public Member admin(String msp) {
        ca(msp);
        return registrars.get(msp);
    }
}
