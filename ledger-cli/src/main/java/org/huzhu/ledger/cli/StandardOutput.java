package org.huzhu.ledger.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The process's standard output, remembering why a write failed: a reader that stopped reading
 * (`huzhu export jsonl | head`) is no error of ours, a full disk behind `> file` is.
 */
final class StandardOutput extends FilterOutputStream {
  private volatile IOException failure;

  StandardOutput() {
    this(new FileOutputStream(FileDescriptor.out));
  }

  StandardOutput(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private IOException failed(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }

  /** Whether the first failed write found the reading end of a pipe closed. */
  boolean readerStopped() {
    return isBrokenPipe(failure);
  }

  /** Whether {@code e} says the reading end of a pipe was closed. */
  static boolean isBrokenPipe(Throwable e) {
    return e != null && String.valueOf(e.getMessage()).contains("Broken pipe");
  }
}
