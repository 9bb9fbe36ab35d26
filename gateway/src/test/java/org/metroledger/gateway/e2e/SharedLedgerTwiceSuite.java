package org.metroledger.gateway.e2e;

import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every end-to-end class of this package, twice over, on one in-process ledger shared by all of
 * them ({@code shared-in-process}): what CI's Fabric phase does to them on one network. A class
 * that assumes an empty ledger, or writes an id outside its {@link Namespace}, fails here.
 */
@Suite
@SelectClasses({SharedLedgerTwiceSuite.FirstRun.class, SharedLedgerTwiceSuite.SecondRun.class})
public class SharedLedgerTwiceSuite {
    private static final String DEPLOYMENT = "metroledger.deployment";

    @BeforeSuite
    static void shareOneLedger() {
        System.setProperty(DEPLOYMENT, "shared-in-process");
    }

    @AfterSuite
    static void restore() {
        System.clearProperty(DEPLOYMENT);
    }

    /** The classes on a ledger they have not written to yet (other classes have). */
    @Suite
    @SelectPackages("org.metroledger.gateway.e2e")
    @IncludeClassNamePatterns(".*Test")
    public static class FirstRun {}

    /** The same classes again on the ledger of the first run. */
    @Suite
    @SelectPackages("org.metroledger.gateway.e2e")
    @IncludeClassNamePatterns(".*Test")
    public static class SecondRun {}
}
