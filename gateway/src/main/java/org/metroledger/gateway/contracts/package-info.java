/**
 * The one typed client of the MetroLedger contracts: a class per contract, a method per transaction
 * function, the chaincode's own request records as requests and answers that keep the chaincode's
 * JSON and parse it (Jackson) only when asked. Function names are spelt here and nowhere else in the
 * gateway. Depends on the {@code ledger} package and the chaincode's model; nothing HTTP.
 */
package org.metroledger.gateway.contracts;
