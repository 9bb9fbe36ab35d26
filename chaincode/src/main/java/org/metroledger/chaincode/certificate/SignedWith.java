package org.metroledger.chaincode.certificate;

/**
 * Which of the issuer lab's keys a certificate's signature was checked against when it was
 * recorded, and when that was: verification checks it against that key, and against the key's
 * compromise time, whatever the lab's key is now.
 *
 * @param key the key's fingerprint in the lab's key history
 * @param recordedAt when the certificate was first recorded (its later writes do not change this)
 */
public record SignedWith(String key, String recordedAt) {}
