/**
 * The chaincode: one package per aggregate below this one, and here the list of its contracts.
 * Depends on the Fabric shim only; nothing here knows the gateway.
 */
package org.metroledger.chaincode;
