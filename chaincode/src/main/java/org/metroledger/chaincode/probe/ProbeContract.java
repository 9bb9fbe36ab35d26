package org.metroledger.chaincode.probe;

import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.metroledger.chaincode.contract.MetroContract;
import org.metroledger.chaincode.contract.TransactionContext;
import org.metroledger.chaincode.error.Fail;
import org.metroledger.chaincode.identity.X509Identity;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.state.RecordStore;
import org.metroledger.chaincode.state.Stamp;

/**
 * The write path's own probe: a centre admin writes one key and reads none, so the transaction
 * costs the network its least (no read set, so it never conflicts). Operators check end to end
 * that their centre's writes commit; the Fabric benchmark measures the network's ceiling with it.
 */
@Contract(name = "probe", info = @Info(title = "MetroLedger write probe", version = "1"))
public final class ProbeContract implements MetroContract {
    /** The one record a region's probes overwrite. */
    public record Probe(String msp, String txId, String recordedAt) {
        public static final String TYPE = "Probe";
    }

    /**
     * Overwrites the caller's region's probe record. Only an identity of the admin OU may, judged
     * from its certificate alone: looking up the participant would add reads.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Write(TransactionContext ctx) {
        String msp = ctx.getClientIdentity().getMSPID();
        if (!X509Identity.of(ctx.getClientIdentity().getX509Certificate()).hasAdminOu()) {
            throw Fail.forbidden("only an admin identity of " + msp + " may write the probe");
        }
        RecordStore store = ctx.store();
        Stamp s = store.stamp();
        Probe probe = new Probe(msp, s.txId(), s.recordedAt());
        store.put(Probe.TYPE, msp, probe);
        return Canonical.json(probe);
    }
}
