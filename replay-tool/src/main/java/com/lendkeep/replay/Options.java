package com.lendkeep.replay;

import java.nio.file.Files;
import java.nio.file.Path;

/** Command line of the replay; `bin/stack replay` fills in the URLs and the Kafka address of the local stack. */
record Options(Path data, long splitSeed, Path out, String customerUrl, String riskUrl, String kafka, String algorithm,
        int timeoutMinutes) {

    static final String USAGE = """
            usage: replay PATH --split-seed N --out FILE
                          [--customer-url http://localhost:8081] [--risk-url http://localhost:8083]
                          [--kafka localhost:9092] [--algorithm GRADIENT_BOOSTED_TREES|LOGISTIC_REGRESSION]
                          [--timeout-minutes 30]""";

    static Options parse(String[] args) {
        Path data = null;
        Long seed = null;
        Path out = null;
        String customerUrl = "http://localhost:8081";
        String riskUrl = "http://localhost:8083";
        String kafka = "localhost:9092";
        String algorithm = "GRADIENT_BOOSTED_TREES";
        int timeout = 30;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--split-seed" -> seed = parseLong(value(args, ++i, a), a);
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--customer-url" -> customerUrl = value(args, ++i, a);
                case "--risk-url" -> riskUrl = value(args, ++i, a);
                case "--kafka" -> kafka = value(args, ++i, a);
                case "--algorithm" -> algorithm = value(args, ++i, a);
                case "--timeout-minutes" -> timeout = (int) parseLong(value(args, ++i, a), a);
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    if (data != null) {
                        throw new IllegalArgumentException("one data file only; got " + data + " and " + a);
                    }
                    data = Path.of(a);
                }
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("the path of the data file is missing");
        }
        if (!Files.isReadable(data)) {
            throw new IllegalArgumentException(data + " cannot be read");
        }
        if (seed == null) {
            throw new IllegalArgumentException("--split-seed N is required");
        }
        if (out == null) {
            throw new IllegalArgumentException("--out FILE is required");
        }
        if (!algorithm.equals("GRADIENT_BOOSTED_TREES") && !algorithm.equals("LOGISTIC_REGRESSION")) {
            throw new IllegalArgumentException("--algorithm must be GRADIENT_BOOSTED_TREES or LOGISTIC_REGRESSION");
        }
        return new Options(data, seed, out, strip(customerUrl), strip(riskUrl), kafka, algorithm, timeout);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long parseLong(String v, String option) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got " + v);
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
