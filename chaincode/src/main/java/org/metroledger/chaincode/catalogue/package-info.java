/**
 * The capability catalogue (能力目录, DESIGN §4): who can calibrate or verify what, where, read from
 * the catalogue indexes the registry writes with each lab's accreditation scope. Depends on the
 * registry and recognition packages; nothing depends on it but the list of contracts.
 */
package org.metroledger.chaincode.catalogue;
