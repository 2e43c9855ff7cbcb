package org.huzhu.ledger.imports;

import static org.huzhu.ledger.imports.ImportFixtures.HEADER;
import static org.huzhu.ledger.imports.ImportFixtures.SHANGHAI;
import static org.huzhu.ledger.imports.ImportFixtures.readAll;
import static org.huzhu.ledger.imports.ImportFixtures.withoutNote;
import static org.huzhu.ledger.imports.ImportFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.ledger.LedgerRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedSigninsTest {
  @TempDir Path dir;

  @Test
  void sortsByInstantThenSigninIdThenFileOrderAndKeepsMalformedRowsApart() {
    String content =
        HEADER
            + ",team,grid,note\n"
            + "b,v1,cleanup,2026-03-01T10:00,2026-03-01T11:00,org1,一队,,\n"
            + "a,v2,cleanup,2026-03-01T02:00Z,,org1,,g,\"multi\nline\"\n"
            + "bad,v1,cleanup,2026-02-30T10:00,,org1,,,\n"
            + "a,v3,cleanup,2026-03-01T10:00,2026-03-01T09:00,,,,\n"
            + "c,v1,cleanup,2026-03-01T09:59:59.999999999,,org1,,,\n";
    Path file = write(dir, "s.csv", content);
    List<MalformedRow> told = new ArrayList<>();
    List<Long> progress = new ArrayList<>();
    SortedSignins sorted =
        SigninFiles.readSorted(
            file,
            StandardCharsets.UTF_8,
            SHANGHAI,
            new ReadListener() {
              @Override
              public void progress(long rowsRead, long bytesRead) {
                progress.add(rowsRead);
              }

              @Override
              public void malformed(MalformedRow row) {
                told.add(row);
              }
            });
    List<SigninRow> rows = new ArrayList<>();
    sorted.forEach(rows::add);
    assertEquals(List.of(7, 3, 6, 2), rows.stream().map(SigninRow::line).toList());
    List<ReadRow> inFileOrder = readAll(file);
    // Decoding from the compact store gives back equal rows.
    assertEquals(withoutNote((SigninRow) inFileOrder.get(4)), rows.get(0));
    assertEquals(withoutNote((SigninRow) inFileOrder.get(1)), rows.get(1));
    assertEquals(withoutNote((SigninRow) inFileOrder.get(3)), rows.get(2));
    assertEquals(withoutNote((SigninRow) inFileOrder.get(0)), rows.get(3));
    assertEquals(List.of(inFileOrder.get(2)), sorted.malformed());
    assertEquals(sorted.malformed(), told);
    assertEquals(5, sorted.rowsRead());
    assertEquals(4, sorted.size());
    assertEquals(List.of(5L), progress);
    assertEquals(content.getBytes(StandardCharsets.UTF_8).length, sorted.bytesRead());
    assertEquals(64, sorted.sha256().length());
    assertThrows(IndexOutOfBoundsException.class, () -> sorted.get(4));
  }

  @Test
  void refusedFileRefusesTheSort() {
    Path file = write(dir, "s.csv", "signin_id\n");
    assertThrows(
        LedgerRefusal.class,
        () -> SigninFiles.readSorted(file, StandardCharsets.UTF_8, SHANGHAI));
  }
}
