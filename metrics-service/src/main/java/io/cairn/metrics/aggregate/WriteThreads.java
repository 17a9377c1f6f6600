package io.cairn.metrics.aggregate;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Threads for writes made beside the caller's own (while it goes on with other work), carrying the caller's
 * context (the trace of the request) into them. Daemon threads, kept only while used: they hold no state
 * between writes, and the caller always waits for what it handed over before it answers.
 */
public final class WriteThreads {

    private WriteThreads() {
    }

    public static ExecutorService named(String name) {
        return ContextExecutorService.wrap(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        }), ContextSnapshotFactory.builder().build());
    }
}
