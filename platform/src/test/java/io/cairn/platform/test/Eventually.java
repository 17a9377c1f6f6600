package io.cairn.platform.test;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests for what happens in the background (a delivery, a log line, a subscription opening). */
public final class Eventually {

    private Eventually() {
    }

    /** Waits until {@code condition} holds or {@code within} has passed; answers whether it held (the caller asserts). */
    public static boolean waitFor(Duration within, BooleanSupplier condition) throws InterruptedException {
        return waitFor(within, Duration.ofMillis(20), condition);
    }

    /** As {@link #waitFor(Duration, BooleanSupplier)}, looking only {@code every} so often (a costly condition). */
    public static boolean waitFor(Duration within, Duration every, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(every.toMillis());
        }
        return true;
    }

    /** Waits as {@link #waitFor}, failing with what was awaited when it did not happen in time. */
    public static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        if (!waitFor(within, condition)) {
            throw new AssertionError("waited " + within.toSeconds() + " s for " + what);
        }
    }
}
