/**
 * The API's error codes ({@link org.metroledger.gateway.failure.ApiCode}: the chaincode's refusals
 * under their names and the gateway's own), refusals the gateway decides itself and the statuses
 * every code answers with: the bottom layer of the gateway, below the ledger backends,
 * authentication, pages and routes. With the ledger backends, the only gateway code that reads the
 * chaincode's error codes.
 */
package org.metroledger.gateway.failure;
