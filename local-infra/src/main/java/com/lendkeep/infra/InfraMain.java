package com.lendkeep.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one piece of local infrastructure as a foreground process until it gets SIGTERM, for
 * {@code bin/stack}. Prints {@code READY} on standard output once the server accepts connections.
 *
 * <pre>
 *   InfraMain kafka    DATA_DIR PORT CONTROLLER_PORT PARTITIONS
 *   InfraMain postgres DATA_DIR PORT
 * </pre>
 */
public final class InfraMain {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: InfraMain kafka DATA_DIR PORT CONTROLLER_PORT PARTITIONS | postgres DATA_DIR PORT");
            System.exit(2);
        }
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        AutoCloseable server;
        switch (args[0]) {
            case "kafka" -> {
                int controllerPort = Integer.parseInt(args[3]);
                int partitions = args.length > 4 ? Integer.parseInt(args[4]) : 3;
                server = LocalKafka.start(dataDir, port, controllerPort, partitions);
            }
            case "postgres" -> server = LocalPostgres.start(dataDir, port, false);
            default -> {
                System.err.println("unknown server: " + args[0]);
                System.exit(2);
                return;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("error while stopping " + args[0] + ": " + e);
            }
            stopped.countDown();
        }));
        System.out.println("READY " + args[0] + " on port " + port);
        System.out.flush();
        stopped.await();
    }
}
