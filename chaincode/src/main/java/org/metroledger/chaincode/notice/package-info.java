/**
 * Expiry and overdue notices (DESIGN §4 "Notices"): which certificates have entered their expiry
 * window and which mandatory instruments have become overdue, read from the indicators' rows, and
 * each notice recorded once on the ledger with its chaincode event. Depends on the registry,
 * certificate and indicator packages.
 */
package org.metroledger.chaincode.notice;
