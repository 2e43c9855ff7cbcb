package org.huzhu.ledger.rules;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Reason;

/**
 * Reading, checking, choosing and storing rule versions. Stateless and thread-safe.
 *
 * <p>A {@code rules.json} file is parsed with {@link #parse}; before it is journaled, {@link
 * #identical} tells whether it repeats the latest version (a no-op) and {@link #checkSuccessor}
 * whether it may follow it. {@link #toCanonicalJson} is the form a journal keeps.
 */
public final class RuleVersions {
  private RuleVersions() {}

  /**
   * Parses one rule version from the bytes of a {@code rules.json} file (UTF-8, a BOM is skipped).
   *
   * <p>Numbers are read from their decimal text, never through binary floating point; rates and
   * factors may be JSON strings ({@code "1.5"}) or JSON numbers ({@code 1.5}); exponents are
   * refused.
   *
   * @param json the file's bytes
   * @param fileName the name used in messages
   * @return the version, with defaults filled in
   * @throws LedgerRefusal with {@link Reason#BAD_FILE} and a detail {@code "<fileName>: <field
   *     path>: <why>"} (or the line and column of invalid JSON) for any invalid document
   * @throws NullPointerException when an argument is null
   */
  public static RuleVersion parse(byte[] json, String fileName) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(fileName, "fileName");
    return RulesParser.parse(json, fileName);
  }

  /**
   * Checks that {@code next} may be journaled after {@code latest}: its version is above the
   * latest and its effective date is not earlier. A version {@linkplain #identical identical} to
   * the latest is also refused here (its number is not above), so callers test {@link #identical}
   * first and treat that case as a no-op.
   *
   * @param latest the latest journaled version, or null when there is none (anything passes)
   * @param next the version being published
   * @param fileName the name used in messages
   * @throws LedgerRefusal with {@link Reason#BAD_FILE} naming {@code version} or {@code
   *     effective_from}
   */
  public static void checkSuccessor(RuleVersion latest, RuleVersion next, String fileName) {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(fileName, "fileName");
    if (latest == null) {
      return;
    }
    if (next.version() <= latest.version()) {
      throw new LedgerRefusal(
          Reason.BAD_FILE,
          fileName + ": version: " + next.version() + " is not above the latest version "
              + latest.version());
    }
    if (next.effectiveFrom().isBefore(latest.effectiveFrom())) {
      throw new LedgerRefusal(
          Reason.BAD_FILE,
          fileName + ": effective_from: " + next.effectiveFrom()
              + " is earlier than the latest version's (" + latest.version() + ", effective from "
              + latest.effectiveFrom() + ")");
    }
  }

  /**
   * Whether two versions have equal parsed values (decimals compared as numbers, multipliers in
   * order). Publishing a version identical to the latest is a no-op.
   *
   * @param a a version, or null
   * @param b a version, or null
   * @return true when both are null or equal
   */
  public static boolean identical(RuleVersion a, RuleVersion b) {
    return Objects.equals(a, b);
  }

  /**
   * The version in force on {@code date}: the highest {@code version} among {@code versions}
   * whose {@code effective_from} is on or before {@code date}.
   *
   * @param versions the versions journaled so far, in any order
   * @param date a local date (of a check-in, a lot, an entry)
   * @return the version, or empty when none is in force yet ({@code no-rules})
   */
  public static Optional<RuleVersion> inForce(List<RuleVersion> versions, LocalDate date) {
    Objects.requireNonNull(date, "date");
    RuleVersion best = null;
    for (RuleVersion v : versions) {
      if (!v.effectiveFrom().isAfter(date) && (best == null || v.version() > best.version())) {
        best = v;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The canonical JSON of a version, for a journal: a valid {@code rules.json} with every field
   * explicit, keys sorted alphabetically at every level, decimals as JSON strings of their exact
   * plain text, no whitespace, never a TAB, CR or LF. Equal versions give equal text.
   *
   * @param version the version
   * @return compact JSON text
   */
  public static String toCanonicalJson(RuleVersion version) {
    return CanonicalJson.write(Objects.requireNonNull(version, "version"));
  }

  /**
   * Reads text written by {@link #toCanonicalJson}; {@code fromCanonicalJson(toCanonicalJson(v))}
   * equals {@code v}.
   *
   * @param json canonical JSON (any valid rules document is accepted)
   * @return the version
   * @throws IllegalArgumentException when the text is not a valid rules document (a damaged
   *     journal record, not a user's mistake)
   */
  public static RuleVersion fromCanonicalJson(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return RulesParser.parse(json.getBytes(StandardCharsets.UTF_8), "canonical rules");
    } catch (LedgerRefusal e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
