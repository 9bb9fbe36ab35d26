/**
 * What every transaction function is handed: {@link TransactionContext}, the transaction's record
 * store and caller, which the shim creates for each call to a {@link MetroContract}. Uses
 * {@code state} and {@code identity}; every contract uses it.
 */
package org.metroledger.chaincode.contract;
