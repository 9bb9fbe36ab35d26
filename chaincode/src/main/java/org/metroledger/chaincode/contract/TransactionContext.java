package org.metroledger.chaincode.contract;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.metroledger.chaincode.identity.Caller;
import org.metroledger.chaincode.state.RecordStore;

/**
 * One call of a transaction function: its world state as a {@link RecordStore} and who calls. The
 * caller is looked up on first use only, since that reads the participant index: a function that
 * never asks (a public read, the probe) keeps that read out of its read set.
 */
public final class TransactionContext extends Context {
    private final RecordStore store;
    private Caller caller;

    TransactionContext(ChaincodeStub stub) {
        super(stub);
        store = new RecordStore(stub);
    }

    public RecordStore store() {
        return store;
    }

    public Caller caller() {
        if (caller == null) {
            caller = Caller.of(this, store);
        }
        return caller;
    }
}
