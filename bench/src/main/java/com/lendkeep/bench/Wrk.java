package com.lendkeep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Runs wrk (Debian package) on loopback with a Lua script, and reads its summary. */
final class Wrk {

    record Result(double rps, double p99Ms, double p50Ms, long requests, long errors) {
    }

    private Wrk() {
    }

    static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "wrk");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("wrk is not installed: apt-get install -y wrk (bin/bench installs it when it can)");
    }

    /**
     * A script sending {@code method} to {@code prefix + id + suffix} for random ids, with the bearer
     * token; POSTs carry a unique Idempotency-Key and a one-unit repayment.
     */
    static Path script(Path dir, String name, String token, String method, String prefix, String suffix, List<String> ids, boolean post)
            throws IOException {
        String list = ids.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        String lua = """
                local ids = {%s}
                local token = "%s"
                local prefix = "%s"
                local suffix = "%s"
                local post = %s
                local counter = 0
                local run = 0
                local threads = 0
                function setup(thread)
                  threads = threads + 1
                  thread:set("tid", threads)
                end
                function init(args)
                  math.randomseed(os.time() * 1000 + (tid or 0))
                  run = math.random(1, 1000000000)
                end
                function request()
                  counter = counter + 1
                  local id = ids[math.random(#ids)]
                  local headers = {}
                  headers["Authorization"] = "Bearer " .. token
                  if post then
                    headers["Content-Type"] = "application/json"
                    headers["Idempotency-Key"] = string.format("bench-%%d-%%d-%%d", tid or 0, run, counter)
                    return wrk.format("POST", prefix .. id .. suffix, headers, '{"amount":1.00}')
                  end
                  return wrk.format("GET", prefix .. id .. suffix, headers)
                end
                """.formatted(list, token, prefix, suffix, post ? "true" : "false");
        Path p = dir.resolve(name);
        Files.writeString(p, lua);
        return p;
    }

    static Result run(Path wrk, String baseUrl, Path script, int connections, int seconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(wrk.toString(), "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), baseUrl));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher total = Pattern.compile("([0-9]+) requests in").matcher(out);
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)").matcher(out);
        if (!rps.find() || !total.find()) {
            throw new IllegalStateException("wrk said:\n" + out);
        }
        long errs = errors.find() ? Long.parseLong(errors.group(1)) : 0;
        return new Result(Double.parseDouble(rps.group(1)), percentile(out, "99%"), percentile(out, "50%"), Long.parseLong(total.group(1)), errs);
    }

    private static double percentile(String out, String which) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(which) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
