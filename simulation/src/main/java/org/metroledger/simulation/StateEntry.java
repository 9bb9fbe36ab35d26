package org.metroledger.simulation;

/** One key of a range read from committed state. */
public record StateEntry(String key, VersionedValue value) {}
