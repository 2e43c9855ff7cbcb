package org.huzhu.ledger.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.MemberRecord;
import org.huzhu.ledger.Reason;

/**
 * Reads a members file ({@code member_id,joined_on[,team][,grid]}): RFC 4180, a header row, free
 * column order, unknown columns ignored, a BOM skipped, bytes decoded strictly. Any bad row refuses
 * the whole file ({@code bad-file}, naming line and field).
 *
 * <p>Stop-gap: the core has no members-file reader yet ({@code org.huzhu.ledger.imports}); replace
 * this class with the core's reader when it exists.
 */
final class MembersCsv {
  private static final List<String> KNOWN = List.of("member_id", "joined_on", "team", "grid");

  private MembersCsv() {}

  static List<MemberRecord> read(Path file, Charset charset) throws IOException {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    String text = decode(Files.readAllBytes(file), charset, name);
    List<Row> rows = Rfc4180.parse(text);
    if (rows.isEmpty()) {
      throw refuse(name + ": the header row is missing");
    }
    Row header = rows.get(0);
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String h = trim(header.fields().get(i));
      if (KNOWN.contains(h) && columns.put(h, i) != null) {
        throw refuse(name + " line " + header.line() + ": column " + h + " is repeated");
      }
    }
    for (String required : List.of("member_id", "joined_on")) {
      if (!columns.containsKey(required)) {
        throw refuse(name + " line " + header.line() + ": column " + required + " is missing");
      }
    }
    List<MemberRecord> out = new ArrayList<>();
    for (Row row : rows.subList(1, rows.size())) {
      if (row.isBlank()) {
        continue;
      }
      if (row.fields().size() != header.fields().size()) {
        throw refuse(
            name + " line " + row.line() + ": " + row.fields().size() + " fields, the header has "
                + header.fields().size());
      }
      String member = field(row, columns, "member_id");
      String joined = field(row, columns, "joined_on");
      LocalDate joinedOn;
      try {
        joinedOn = LocalDate.parse(joined);
      } catch (DateTimeParseException e) {
        throw refuse(name + " line " + row.line() + ", field joined_on: '" + joined + "' is not a date (YYYY-MM-DD)");
      }
      try {
        out.add(new MemberRecord(member, joinedOn, emptyToNull(field(row, columns, "team")), emptyToNull(field(row, columns, "grid"))));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw refuse(name + " line " + row.line() + ", field member_id: " + e.getMessage());
      }
    }
    return out;
  }

  private static LedgerRefusal refuse(String detail) {
    return new LedgerRefusal(Reason.BAD_FILE, detail);
  }

  private static String field(Row row, Map<String, Integer> columns, String name) {
    Integer i = columns.get(name);
    return i == null ? "" : trim(row.fields().get(i));
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  /** Trims spaces and tabs, as the contract trims fields. */
  static String trim(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
      b++;
    }
    while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
      e--;
    }
    return s.substring(b, e);
  }

  /** Decodes strictly; bad bytes refuse the file naming the line and suggesting --encoding. */
  static String decode(byte[] bytes, Charset charset, String name) {
    CharsetDecoder d =
        charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) d.maxCharsPerByte()) + 16);
    CoderResult r = d.decode(in, out, true);
    if (r.isError()) {
      out.flip();
      int line = Rfc4180.lineOf(out, out.limit());
      throw refuse(
          name + " line " + line + ": bytes invalid in " + charset.name() + " (pass --encoding, e.g. --encoding GB18030)");
    }
    r = d.flush(out);
    if (r.isError()) {
      throw refuse(name + ": bytes invalid in " + charset.name() + " at the end (pass --encoding)");
    }
    out.flip();
    String s = out.toString();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** One record and the physical line it starts on (the header is line 1). */
  record Row(int line, List<String> fields) {
    boolean isBlank() {
      return fields.size() == 1 && trim(fields.get(0)).isEmpty() && !fields.get(0).contains("\"");
    }
  }

  /** A minimal RFC 4180 reader: quoted fields, doubled quotes, LF, CRLF and lone CR. */
  static final class Rfc4180 {
    private Rfc4180() {}

    static List<Row> parse(String s) {
      List<Row> rows = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      StringBuilder f = new StringBuilder();
      int line = 1;
      int start = 1;
      boolean quoted = false;
      boolean any = false;
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
              f.append('"');
              i += 2;
              continue;
            }
            quoted = false;
          } else {
            if (c == '\r' || c == '\n') {
              line++;
              if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                f.append('\r');
                i++;
                c = '\n';
              }
            }
            f.append(c);
          }
          i++;
          continue;
        }
        if (c == '"' && trim(f.toString()).isEmpty()) {
          quoted = true;
          f.setLength(0);
          any = true;
        } else if (c == ',') {
          fields.add(f.toString());
          f.setLength(0);
          any = true;
        } else if (c == '\r' || c == '\n') {
          if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            i++;
          }
          fields.add(f.toString());
          rows.add(new Row(start, List.copyOf(fields)));
          fields.clear();
          f.setLength(0);
          any = false;
          line++;
          start = line;
        } else {
          f.append(c);
          any = true;
        }
        i++;
      }
      if (any || f.length() > 0 || !fields.isEmpty()) {
        fields.add(f.toString());
        rows.add(new Row(start, List.copyOf(fields)));
      }
      return rows;
    }

    /** The 1-based line of character {@code end} of {@code text}. */
    static int lineOf(CharSequence text, int end) {
      int line = 1;
      for (int i = 0; i < end; i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= end || text.charAt(i + 1) != '\n'))) {
          line++;
        }
      }
      return line;
    }
  }
}
