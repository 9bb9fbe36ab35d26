package org.metroledger.gateway.identity;

import java.util.Locale;

/** Fabric's NodeOU organisational units, which a member certificate carries. */
public enum NodeOu {
    /** The MSP admin: acts as its region's centre admin until registered otherwise. */
    ADMIN,
    CLIENT,
    PEER,
    ORDERER;

    /** The OU value as Fabric writes it in a certificate. */
    public String ou() {
        return name().toLowerCase(Locale.ROOT);
    }
}
