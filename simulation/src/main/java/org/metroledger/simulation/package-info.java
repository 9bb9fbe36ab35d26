/**
 * What a Fabric peer does around the chaincode, in-process: simulating a proposal against committed
 * world state into a read/write set, validating it (MVCC) and applying it. The chaincode's tests and
 * the gateway's embedded ledger both run the contracts through this one implementation.
 */
package org.metroledger.simulation;
