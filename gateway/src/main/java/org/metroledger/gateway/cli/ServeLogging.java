package org.metroledger.gateway.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where serve's log goes and how much of it. The gateway logs through {@link System.Logger}, whose
 * backend here is java.util.logging, as is the Fabric shim's: this sets the backend's levels and
 * logs nothing itself. By default the gateway logs INFO and above, and the embedded ledger's
 * contract host silences the shim, whose contract router logs some 60 lines as it starts and then
 * every request. With debug, the gateway's debug messages and the shim's INFO are shown too.
 */
final class ServeLogging {
    /**
     * Held strongly: java.util.logging forgets the level of a logger nobody references. The shim's
     * level, set before the embedded ledger starts, is the one its contract host then keeps.
     */
    private static final Logger GATEWAY = Logger.getLogger("org.metroledger");

    private static final Logger SHIM = Logger.getLogger("org.hyperledger");

    private ServeLogging() {}

    static void configure(boolean debug) {
        if (!debug) {
            return;
        }
        GATEWAY.setLevel(Level.FINE);
        SHIM.setLevel(Level.INFO);
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setLevel(Level.FINE);
        }
    }
}
