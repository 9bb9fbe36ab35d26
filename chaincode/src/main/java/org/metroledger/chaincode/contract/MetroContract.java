package org.metroledger.chaincode.contract;

import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * A contract of this chaincode: the shim's router asks it for the context of each call, and its
 * transaction functions take that {@link TransactionContext} as their first parameter (the router
 * accepts any subclass of {@code Context} there and passes what this method answered).
 */
public interface MetroContract extends ContractInterface {
    @Override
    default TransactionContext createContext(ChaincodeStub stub) {
        return new TransactionContext(stub);
    }
}
