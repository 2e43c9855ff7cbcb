package org.huzhu.ledger.imports;

import com.google.common.collect.AbstractIterator;

/** What the CSV and JSON-lines readers share: the decoded source, and the count of rows read. */
abstract class DecodedReader extends AbstractIterator<ReadRow> implements SigninReader {
  final DecodingSource src;
  int ordinal;

  DecodedReader(DecodingSource src) {
    this.src = src;
  }

  @Override
  public long bytesRead() {
    return src.bytesRead();
  }

  @Override
  public long rowsRead() {
    return ordinal;
  }

  @Override
  public String sha256() {
    return src.sha256Hex();
  }

  @Override
  public void close() {
    src.close();
  }
}
