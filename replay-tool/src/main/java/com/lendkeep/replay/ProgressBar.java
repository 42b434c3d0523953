package com.lendkeep.replay;

import java.io.PrintStream;

/** A one-line progress bar on standard error, redrawn in place; plain lines when not a terminal. */
final class ProgressBar {
    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private final long started = System.nanoTime();
    private int lastPercent = -1;

    ProgressBar(String label, long total) {
        this.label = label;
        this.total = Math.max(1, total);
        this.out = System.err;
    }

    synchronized void update(long done) {
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent || (!terminal && percent % 10 != 0)) {
            return;
        }
        lastPercent = percent;
        int width = 30;
        int filled = percent * width / 100;
        double seconds = (System.nanoTime() - started) / 1e9;
        String line = String.format("%-28s [%s%s] %3d%% %,d/%,d %5.0fs", label, "#".repeat(filled), ".".repeat(width - filled),
                percent, done, total, seconds);
        out.print(terminal ? "\r" + line : line + System.lineSeparator());
        out.flush();
    }

    synchronized void done() {
        update(total);
        if (terminal) {
            out.println();
        }
    }
}
