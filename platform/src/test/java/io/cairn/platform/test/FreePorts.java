package io.cairn.platform.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.stream.Stream;

/** Ports for a whole suite started by a test or a benchmark: the gateway's and the next four, all free. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A base port such that it and the four after it are free now. */
    public static int suiteBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20000 + (int) (Math.random() * 20000);
            if (Stream.iterate(base, p -> p + 1).limit(5).allMatch(FreePorts::free)) {
                return base;
            }
        }
        throw new IllegalStateException("No five free consecutive ports");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
