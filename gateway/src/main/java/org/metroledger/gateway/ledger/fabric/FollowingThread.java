package org.metroledger.gateway.ledger.fabric;

import java.lang.System.Logger.Level;
import org.hyperledger.fabric.client.CloseableIterator;

/**
 * A thread that follows one event stream of a peer and reconnects, with growing pauses, whenever
 * the stream breaks, until closed. Subclasses say how to (re)connect and what to do with each item.
 */
abstract class FollowingThread<T> {
    private static final System.Logger LOG = System.getLogger(FollowingThread.class.getName());
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final Thread thread;
    private volatile boolean closed;
    private volatile CloseableIterator<T> current;

    FollowingThread(String name) {
        this.thread = FabricLedger.daemon(name).newThread(this::run);
    }

    /** Opens the stream from where the last delivered item leaves off. */
    abstract CloseableIterator<T> connect();

    abstract void deliver(T item);

    /** What the log says when the stream breaks. */
    abstract String broken();

    final void start() {
        thread.start();
    }

    private void run() {
        long backoff = 100;
        while (!closed) {
            try (CloseableIterator<T> items = connect()) {
                current = items;
                while (!closed && items.hasNext()) {
                    deliver(items.next());
                    backoff = 100;
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.log(Level.WARNING, broken(), e);
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    final void close() {
        closed = true;
        CloseableIterator<T> items = current;
        if (items != null) {
            items.close();
        }
        thread.interrupt();
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }
}
