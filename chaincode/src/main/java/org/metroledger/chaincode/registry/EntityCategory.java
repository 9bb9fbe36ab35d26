package org.metroledger.chaincode.registry;

/** The kind of business a market entity runs. */
public enum EntityCategory {
    FUEL_STATION,
    MARKET,
    OPTICAL_SHOP,
    HOSPITAL,
    UTILITY,
    MANUFACTURER,
    TAXI_COMPANY,
    OTHER
}
