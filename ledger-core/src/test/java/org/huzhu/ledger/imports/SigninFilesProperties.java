package org.huzhu.ledger.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Reason;

class SigninFilesProperties {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String HEADER =
      "signin_id,member_id,activity,check_in,check_out,verified_by,team,grid,note\n";

  /** Reads everything; only a bad-file refusal may escape, and the reader is closed either way. */
  private static List<ReadRow> readAllOrRefuse(byte[] content, boolean jsonLines, Charset cs) {
    List<ReadRow> rows = new ArrayList<>();
    DecodingSource src = DecodingSource.of("f", cs, new ByteArrayInputStream(content));
    try (SigninReader r = SigninFiles.open(src, jsonLines, SHANGHAI)) {
      r.forEachRemaining(rows::add);
      assertEquals(64, r.sha256().length());
      assertEquals(content.length, r.bytesRead());
    } catch (LedgerRefusal e) {
      assertEquals(Reason.BAD_FILE, e.reason());
    }
    return rows;
  }

  @Property
  void randomBytesAreReadOrRefusedAsBadFile(
      @ForAll @Size(max = 600) byte[] body,
      @ForAll boolean withHeader,
      @ForAll boolean jsonLines,
      @ForAll("charsets") Charset charset) {
    byte[] head = withHeader ? HEADER.getBytes(StandardCharsets.UTF_8) : new byte[0];
    byte[] content = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, content, head.length, body.length);
    readAllOrRefuse(content, jsonLines, charset);
  }

  @Property
  void randomTextIsReadOrRefusedAsBadFile(
      @ForAll("csvishText") String body, @ForAll boolean jsonLines) {
    byte[] content = ((jsonLines ? "" : HEADER) + body).getBytes(StandardCharsets.UTF_8);
    for (ReadRow row : readAllOrRefuse(content, jsonLines, StandardCharsets.UTF_8)) {
      // Every row is numbered inside the file.
      assertEquals(true, row.line() >= 1 && row.line() <= body.length() + 2, row::toString);
    }
  }

  @Property
  void truncatedFilesAreReadOrRefusedAsBadFile(
      @ForAll("rows") List<List<String>> rows,
      @ForAll @IntRange(min = 0, max = 100) int keepPercent,
      @ForAll boolean jsonLines) {
    byte[] whole =
        (jsonLines ? Rfc4180.jsonLines(rows) : HEADER + Rfc4180.write(rows, "\r\n").text())
            .getBytes(StandardCharsets.UTF_8);
    readAllOrRefuse(
        Arrays.copyOf(whole, whole.length * keepPercent / 100), jsonLines, StandardCharsets.UTF_8);
  }

  @Property(tries = 50)
  void hugeFieldsAreMalformedNotHeld(
      @ForAll @IntRange(min = 0, max = 8) int column,
      @ForAll @IntRange(min = 4097, max = 200_000) int length,
      @ForAll boolean quoted,
      @ForAll boolean jsonLines) {
    String[] good = {"s1", "v1", "cleanup", "2026-03-01T09:00", "", "org1", "", "", ""};
    String[] values = good.clone();
    values[column] = "x".repeat(length);
    List<List<String>> rows = List.of(List.of(values), List.of(good));
    String text =
        jsonLines
            ? Rfc4180.jsonLines(rows)
            : HEADER + (quoted ? Rfc4180.writeAllQuoted(rows) : Rfc4180.write(rows, "\n").text());
    List<ReadRow> read =
        readAllOrRefuse(text.getBytes(StandardCharsets.UTF_8), jsonLines, StandardCharsets.UTF_8);
    assertEquals(2, read.size());
    assertInstanceOf(MalformedRow.class, read.get(0));
    assertInstanceOf(SigninRow.class, read.get(1));
  }

  @Property(tries = 200)
  void readSortedOrderIsInstantThenSigninIdThenFileOrder(@ForAll("sortableRows") List<List<String>> rows)
      throws IOException {
    Path file = Files.createTempFile("signins", ".csv");
    try {
      Files.writeString(file, HEADER + Rfc4180.write(rows, "\n").text(), StandardCharsets.UTF_8);
      List<SigninRow> noted = new ArrayList<>();
      SortedSignins sorted =
          SigninFiles.readSorted(
              file,
              StandardCharsets.UTF_8,
              SHANGHAI,
              new ReadListener() {
                @Override
                public void note(SigninRow row) {
                  noted.add(row);
                }
              });
      List<SigninRow> expected = new ArrayList<>();
      List<MalformedRow> malformed = new ArrayList<>();
      List<SigninRow> expectedNotes = new ArrayList<>();
      try (SigninReader r = SigninFiles.open(file, StandardCharsets.UTF_8, SHANGHAI)) {
        r.forEachRemaining(
            row -> {
              if (row instanceof SigninRow s) {
                expected.add(ImportFixtures.withoutNote(s));
                if (s.note() != null) {
                  expectedNotes.add(s);
                }
              } else {
                malformed.add((MalformedRow) row);
              }
            });
      }
      expected.sort(
          Comparator.comparing((SigninRow s) -> s.checkIn().toInstant())
              .thenComparing(SigninRow::signinId)
              .thenComparingInt(SigninRow::ordinal));
      List<SigninRow> actual = new ArrayList<>();
      sorted.forEach(actual::add);
      assertEquals(expected, actual);
      assertEquals(expectedNotes, noted, "every note is shown once, in file order");
      assertEquals(malformed, sorted.malformed());
      assertEquals(rows.size(), sorted.rowsRead());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<Charset> charsets() {
    return Arbitraries.of(
        StandardCharsets.UTF_8,
        Charset.forName("GB18030"),
        StandardCharsets.UTF_16,
        StandardCharsets.US_ASCII);
  }

  @Provide
  Arbitrary<String> csvishText() {
    return Arbitraries.strings()
        .withChars(",\"\r\n \t{}:[]\\sv1-T0123456789Z+队\uFEFF")
        .withCharRange('\u0000', '\u007f')
        .ofMaxLength(400);
  }

  @Provide
  Arbitrary<List<List<String>>> rows() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.of("s1", "v1", "cleanup", "2026-03-01T09:00", "2026-03-01 10:00+08:00", ""),
            Arbitraries.strings().withChars("ab,\"\r\n 队").ofMaxLength(8));
    return value.list().ofSize(9).list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<List<String>>> sortableRows() {
    Arbitrary<String> id = Arbitraries.of("a", "b", "c", "A", "a:1", "sys:x", "");
    Arbitrary<String> time =
        Arbitraries.of(
            "2026-03-01T09:00",
            "2026-03-01T09:00:00.5",
            "2026-03-01T01:00Z",
            "2026-03-01T01:00:00.000000001Z",
            "2026-02-28T20:00-05:00",
            "2026-02-30T09:00",
            "2026-03-01 08:59:59");
    Arbitrary<String> out = Arbitraries.of("", "2026-03-01T12:00", "2026-03-01T08:00");
    Arbitrary<String> text = Arbitraries.of("", "一队", "a,b", "x\ny");
    return Combinators.combine(id, time, out, text)
        .as((i, t, o, x) -> List.of(i, "v1", "cleanup", t, o, "org1", x, x, x))
        .list()
        .ofMaxSize(40);
  }
}
