package org.huzhu.ledger.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Sign-in rows from a JSON-lines file: one object a line, every value a string.
 *
 * <p>Lines are split here (LF, CRLF or a lone CR), not by Jackson, so that line numbers follow the
 * same rule as CSV and one bad line cannot swallow the next. A line longer than {@value #LINE_CAP}
 * characters is malformed and skipped without being retained.
 */
final class JsonLinesSigninReader extends DecodedReader {
  static final int LINE_CAP = 1 << 18;

  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private final ZoneResolver zone;
  private final String[] values = new String[SigninFields.NAMES.length];
  private final boolean[] overlong = new boolean[SigninFields.NAMES.length];
  private final boolean[] seen = new boolean[SigninFields.NAMES.length];
  private char[] lineChars = new char[1024];
  private int lineLength;
  private boolean lineTooLong;
  private int line = 1;
  private boolean eof;

  JsonLinesSigninReader(DecodingSource src, ZoneId zone) {
    super(src);
    this.zone = new ZoneResolver(zone);
  }

  @Override
  protected ReadRow computeNext() {
    ReadRow row = readNext();
    return row == null ? endOfData() : row;
  }

  private ReadRow readNext() {
    while (!eof) {
      int rowLine = line;
      readLine();
      if (isBlankLine()) {
        continue;
      }
      int n = ordinal++;
      if (lineTooLong) {
        return SigninFields.malformed(
            rowLine, n, "", "the line is longer than " + LINE_CAP + " characters");
      }
      return parse(rowLine, n);
    }
    return null;
  }

  /** Reads up to and through the next line break into {@link #lineChars}. */
  private void readLine() {
    lineLength = 0;
    lineTooLong = false;
    char[] buf = src.chars;
    while (true) {
      if (src.pos == src.limit && !src.fill(line)) {
        eof = true;
        return;
      }
      int start = src.pos;
      int end = src.limit;
      int i = start;
      while (i < end && buf[i] != '\n' && buf[i] != '\r') {
        i++;
      }
      append(buf, start, i - start);
      src.pos = i;
      if (i < end) {
        char c = buf[i];
        src.pos = i + 1;
        line++;
        if (c == '\r' && (src.pos < src.limit || src.fill(line)) && buf[src.pos] == '\n') {
          src.pos++;
        }
        return;
      }
    }
  }

  private void append(char[] from, int start, int length) {
    if (lineTooLong || length == 0) {
      return;
    }
    if (lineLength + length > LINE_CAP) {
      lineTooLong = true;
      return;
    }
    if (lineLength + length > lineChars.length) {
      lineChars = Arrays.copyOf(lineChars, Math.min(LINE_CAP, Math.max(lineLength + length, 2 * lineChars.length)));
    }
    System.arraycopy(from, start, lineChars, lineLength, length);
    lineLength += length;
  }

  private boolean isBlankLine() {
    if (lineTooLong) {
      return false;
    }
    // Only spaces make a blank line, as the import rules say; a tab makes a (malformed) row.
    for (int i = 0; i < lineLength; i++) {
      if (lineChars[i] != ' ') {
        return false;
      }
    }
    return true;
  }

  private ReadRow parse(int rowLine, int n) {
    Arrays.fill(values, "");
    Arrays.fill(overlong, false);
    Arrays.fill(seen, false);
    String problem = null;
    try (JsonParser p = JSON.createParser(lineChars, 0, lineLength)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return SigninFields.malformed(rowLine, n, "", "the line is not a JSON object");
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          return SigninFields.malformed(rowLine, n, values[SigninFields.SIGNIN_ID], "the JSON object is not complete");
        }
        // names are trimmed as a CSV header's are: " signin_id " is signin_id
        String name = trim(p.currentName());
        JsonToken value = p.nextToken();
        int field = SigninFields.indexOf(name);
        if (field < 0) {
          // Unknown fields are ignored, but every value of a line is a string (or null: empty).
          if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
            problem = problem != null ? problem : name + " is not a string";
          }
          p.skipChildren();
          continue;
        }
        if (seen[field]) {
          problem = problem != null ? problem : name + " appears more than once";
          p.skipChildren();
          continue;
        }
        seen[field] = true;
        if (value == JsonToken.VALUE_STRING) {
          String text = p.getText();
          if (Ids.halfACharacter(text) >= 0) {
            // JSON can escape half of a character (a lone surrogate), which no file's bytes can
            // hold and which would be journaled as '?': not text
            problem = problem != null ? problem : name + " holds half of a character (\\u"
                + Integer.toHexString(text.charAt(Ids.halfACharacter(text))) + ")";
            continue;
          }
          if (text.length() > SigninFields.FIELD_CAP) {
            overlong[field] = true;
            text = text.substring(0, SigninFields.FIELD_CAP);
          }
          values[field] = trim(text);
        } else if (value != JsonToken.VALUE_NULL) {
          problem = problem != null ? problem : name + " is not a string";
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        return SigninFields.malformed(
            rowLine, n, values[SigninFields.SIGNIN_ID], "text after the JSON object");
      }
    } catch (JsonProcessingException e) {
      return SigninFields.malformed(
          rowLine, n, values[SigninFields.SIGNIN_ID], "not valid JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      // The parser reads from a char array: it has no I/O to fail.
      throw new IllegalStateException(e);
    }
    if (problem != null) {
      return SigninFields.malformed(rowLine, n, values[SigninFields.SIGNIN_ID], problem);
    }
    return SigninFields.toRow(rowLine, n, values, overlong, zone);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int cut = message.indexOf('\n');
    String first = cut < 0 ? message : message.substring(0, cut);
    // the parser's own account of where it was ("start marker at [Source: …]") means nothing here
    int source = first.indexOf(" (start marker at");
    first = source < 0 ? first : first.substring(0, source);
    return first.length() > 120 ? first.substring(0, 120) + "…" : first;
  }

  private static String trim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return s.substring(from, to);
  }
}
