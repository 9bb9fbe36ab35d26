package org.metroledger.chaincode.registry;

import java.util.List;

/** A regional centre (大区): one Fabric organisation, identified by its MSP id. */
public record Region(String msp, String name, List<String> provinces, String recordedAt, String txId) {
    public static final String TYPE = "Region";
    public static final String ALL = "region~all";
}
