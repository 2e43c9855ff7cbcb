package org.huzhu.ledger.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import org.huzhu.ledger.ImportProgress;

/**
 * The progress bar of {@code import} on a terminal's standard error: one line redrawn in place
 * (carriage return), with rows a second and the time left. Drawn at most ten times a second; the
 * time source is injected so that tests need no wall clock.
 */
final class ProgressBar implements ImportProgress {
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 24;
  private final PrintWriter err;
  private final LongSupplier nanos;
  private final Messages msg;
  private final long start;
  private long lastDraw;
  private boolean drawn;
  private int lastLength;

  ProgressBar(PrintWriter err, Messages msg, LongSupplier nanos) {
    this.err = err;
    this.msg = msg;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
    this.lastDraw = start - REDRAW_NANOS;
  }

  @Override
  public synchronized void read(long rows, long bytesRead, long totalBytes) {
    long now = nanos.getAsLong();
    if (now - lastDraw < REDRAW_NANOS && bytesRead < totalBytes) {
      return;
    }
    lastDraw = now;
    draw(line(msg.get("progress.read"), rows, bytesRead, totalBytes, now));
  }

  @Override
  public synchronized void decided(long decided, long total, long credited, long rejected) {
    long now = nanos.getAsLong();
    if (now - lastDraw < REDRAW_NANOS && decided < total) {
      return;
    }
    lastDraw = now;
    draw(line(msg.get("progress.decided"), decided, decided, total, now));
  }

  /** Clears the bar, so that what follows starts on a clean line. */
  synchronized void finish() {
    if (drawn) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
    }
  }

  /** One line of the bar: phase, bar, percent, rows, rows a second, time left. */
  String line(String phase, long rows, long done, long total, long now) {
    double seconds = Math.max(1e-9, (now - start) / 1e9);
    int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
    int filled = percent * WIDTH / 100;
    long rate = (long) (rows / seconds);
    String eta;
    if (done <= 0 || total <= 0) {
      eta = "--:--";
    } else {
      long left = (long) ((total - done) * seconds / done);
      eta = String.format(java.util.Locale.ROOT, "%d:%02d", left / 60, left % 60);
    }
    return String.format(
        java.util.Locale.ROOT,
        "%s [%s%s] %3d%% %d %s %d/s %s %s",
        phase,
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        percent,
        rows,
        msg.get("progress.rows"),
        rate,
        msg.get("progress.eta"),
        eta);
  }

  private void draw(String line) {
    String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
    err.print("\r" + line + pad);
    err.flush();
    lastLength = line.length();
    drawn = true;
  }
}
