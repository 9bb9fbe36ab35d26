package org.metroledger.gateway.e2e;

import java.nio.file.Path;

/** A deployment whose gateway runs in this JVM: everything but the ledger is the same for all. */
abstract class ServedDeployment implements Deployment {
    private final ServedGateway gateway;

    ServedDeployment(ServedGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return gateway.port();
    }

    @Override
    public User user(Cast.Member member) {
        return gateway.user(member);
    }

    @Override
    public Path dataDir() {
        return gateway.dataDir();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
