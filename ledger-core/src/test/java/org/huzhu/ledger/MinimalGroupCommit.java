package org.huzhu.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The ceiling a group-committing ledger can reach on this machine: callers hand a 300-byte record
 * to one writer thread and wait; the writer takes everything queued, writes it, forces once and
 * answers each caller. No deciding, no encoding, no hashing: what is left is the force, the handoffs
 * and the wake-ups, which is what bounds acknowledged commits from a few threads. Not a test.
 */
final class MinimalGroupCommit {
  private static final int RECORD_BYTES = 300;

  private MinimalGroupCommit() {}

  /** Acknowledged commits from {@code threads} callers, {@code perThread} each, and their time. */
  static LedgerBench.Run run(Path file, int threads, int perThread) throws Exception {
    LinkedBlockingQueue<CompletableFuture<Void>> queue = new LinkedBlockingQueue<>();
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      Thread writer =
          new Thread(
              () -> {
                List<CompletableFuture<Void>> group = new ArrayList<>();
                try {
                  while (true) {
                    group.clear();
                    group.add(queue.take());
                    queue.drainTo(group);
                    ByteBuffer records = ByteBuffer.allocate(RECORD_BYTES * group.size());
                    while (records.hasRemaining()) {
                      channel.write(records);
                    }
                    channel.force(false);
                    group.forEach(done -> done.complete(null));
                  }
                } catch (InterruptedException | IOException e) {
                  group.forEach(done -> done.completeExceptionally(e));
                }
              },
              "minimal-group-commit");
      writer.setDaemon(true);
      writer.start();
      try {
        return LedgerBench.concurrently(
            threads,
            perThread,
            (thread, i) -> {
              CompletableFuture<Void> done = new CompletableFuture<>();
              queue.add(done);
              done.join();
              return true;
            });
      } finally {
        writer.interrupt();
        writer.join();
      }
    }
  }
}
