package org.huzhu.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the line into a refusal of a rules or catalog file: the parsers name the field by its path
 * ({@code activities.cleanup.points_per_hour}, {@code items[2].price_points}), and a coordinator
 * with the file open in an editor wants the line too. The document is read again only when it is
 * refused.
 */
final class JsonLines {
  private static final JsonFactory FACTORY = new JsonFactory();
  /** A detail that starts with a path (the document is then searched for it, so any text will do). */
  private static final Pattern PATH = Pattern.compile("(.+?): ");

  private JsonLines() {}

  /** {@code r} with "line N: " before the path its detail starts with, or {@code r} itself. */
  static LedgerRefusal located(LedgerRefusal r, byte[] json, String fileName) {
    String prefix = fileName + ": ";
    String detail = r.detail();
    if (r.reason() != Reason.BAD_FILE || !detail.startsWith(prefix)) {
      return r;
    }
    String rest = detail.substring(prefix.length());
    Matcher m = PATH.matcher(detail).region(prefix.length(), detail.length());
    int line;
    if (m.lookingAt()) {
      // a field missing from the document itself is missing from the value that starts there
      line = lineOf(json, m.group(1));
      line = line > 0 ? line : rootLine(json);
    } else if (rest.startsWith("must be") || rest.startsWith("the document")) {
      line = rootLine(json); // the document is not of the shape asked for
    } else {
      return r;
    }
    if (line < 1) {
      return r;
    }
    LedgerRefusal located = new LedgerRefusal(Reason.BAD_FILE, prefix + "line " + line + ": " + detail.substring(prefix.length()));
    located.initCause(r);
    return located;
  }

  /**
   * The line where the value at {@code path} starts, or where its nearest enclosing value starts
   * when it is missing; -1 when neither is in the document.
   */
  static int lineOf(byte[] json, String path) {
    for (String p = path; !p.isEmpty(); p = parent(p)) {
      int line = find(json, p);
      if (line > 0) {
        return line;
      }
    }
    return -1;
  }

  /** The line where the document's value starts, or -1 when it has none. */
  private static int rootLine(byte[] json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      return p.nextToken() == null ? -1 : p.currentTokenLocation().getLineNr();
    } catch (IOException e) {
      return -1;
    }
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }

  private static int find(byte[] json, String path) {
    try (JsonParser p = FACTORY.createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        JsonStreamContext at =
            t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? p.getParsingContext().getParent() : p.getParsingContext();
        if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY && path.equals(pathOf(at))) {
          return p.currentTokenLocation().getLineNr();
        }
      }
    } catch (IOException e) {
      // a document refused for its syntax already names line and column
    }
    return -1;
  }

  /** The path of the value a context is at, written as the parsers write it. */
  private static String pathOf(JsonStreamContext c) {
    StringBuilder path = new StringBuilder();
    for (; c != null && !c.inRoot(); c = c.getParent()) {
      String step = c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName();
      if (step != null) {
        // a name follows with a dot, an index without: "items[0].id"
        path.insert(0, path.length() == 0 || path.charAt(0) == '[' ? "" : ".").insert(0, step);
      }
    }
    return path.toString();
  }
}
