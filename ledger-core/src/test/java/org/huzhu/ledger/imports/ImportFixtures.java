package org.huzhu.ledger.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the reader tests. */
final class ImportFixtures {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String HEADER = "signin_id,member_id,activity,check_in,check_out,verified_by";

  private ImportFixtures() {}

  static Path write(Path dir, String name, String content) {
    return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(Path dir, String name, byte[] content) {
    try {
      return Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ReadRow> readAll(Path file) {
    return readAll(file, StandardCharsets.UTF_8);
  }

  static List<ReadRow> readAll(Path file, Charset charset) {
    List<ReadRow> rows = new ArrayList<>();
    try (SigninReader r = SigninFiles.open(file, charset, SHANGHAI)) {
      r.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** The row as the sorted store gives it back: the note was shown while reading and is not kept. */
  static SigninRow withoutNote(SigninRow s) {
    return new SigninRow(
        s.line(), s.ordinal(), s.signinId(), s.memberId(), s.activity(), s.checkIn(), s.checkOut(),
        s.verifiedBy(), s.team(), s.grid(), null);
  }
}
