package org.huzhu.ledger.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Strict parsers for the contract's date and date-time forms.
 *
 * <p>Hand-written rather than a {@code DateTimeFormatter}: the forms are fixed, the parser runs
 * twice per row on files of a million rows, and strictness is easier to see in code than in
 * formatter flags (no lenient day-of-month, no 24:00, four-digit years only). A fraction may have
 * any number of digits; those past the ninth (below a nanosecond) are dropped.
 */
final class DateTimes {
  private DateTimes() {}

  /**
   * Parses {@code YYYY-MM-DDTHH:MM[:SS[.fraction]]} ({@code T} or one space), optionally followed by
   * {@code Z} or {@code ±HH:MM}, into {@code zone}: a local time as {@link ZonedDateTime#of(
   * LocalDateTime, java.time.ZoneId)} resolves it, an offset time converted to the same instant.
   *
   * @return the date-time, or null if {@code s} is not of that form or names an impossible date or
   *     time
   */
  static ZonedDateTime parseDateTime(String s, ZoneResolver zone) {
    int n = s.length();
    if (n < 16) {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = s.charAt(4) == '-' ? digits(s, 5, 2) : -1;
    int day = s.charAt(7) == '-' ? digits(s, 8, 2) : -1;
    char t = s.charAt(10);
    int hour = t == 'T' || t == ' ' ? digits(s, 11, 2) : -1;
    int minute = s.charAt(13) == ':' ? digits(s, 14, 2) : -1;
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) {
      return null;
    }
    int i = 16;
    int second = 0;
    int nano = 0;
    if (i < n && s.charAt(i) == ':') {
      second = n >= i + 3 ? digits(s, i + 1, 2) : -1;
      if (second < 0) {
        return null;
      }
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        i++;
        int digitsRead = 0;
        while (i < n && isDigit(s.charAt(i))) {
          if (++digitsRead <= 9) {
            nano = nano * 10 + (s.charAt(i) - '0');
          }
          i++;
        }
        if (digitsRead == 0) {
          return null;
        }
        for (int k = digitsRead; k < 9; k++) {
          nano *= 10;
        }
      }
    }
    ZoneOffset offset = null;
    if (i < n) {
      char c = s.charAt(i);
      if (c == 'Z' && i + 1 == n) {
        offset = ZoneOffset.UTC;
      } else if ((c == '+' || c == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
        int oh = digits(s, i + 1, 2);
        int om = digits(s, i + 4, 2);
        if (oh < 0 || om < 0 || oh > 18 || om > 59) {
          return null;
        }
        int total = oh * 3600 + om * 60;
        try {
          offset = ZoneOffset.ofTotalSeconds(c == '-' ? -total : total);
        } catch (DateTimeException e) {
          return null; // beyond ±18:00
        }
      } else {
        return null;
      }
    }
    if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || day < 1) {
      return null;
    }
    if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return null;
    }
    LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
    if (offset == null) {
      return zone.resolve(local);
    }
    return local.atOffset(offset).atZoneSameInstant(zone.zone());
  }

  /**
   * Parses {@code YYYY-MM-DD}.
   *
   * @return the date, or null if {@code s} is not of that form or names an impossible date
   */
  static LocalDate parseDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1) {
      return null;
    }
    if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return null;
    }
    return LocalDate.of(year, month, day);
  }

  /** The non-negative number written by {@code count} ASCII digits at {@code from}, else -1. */
  private static int digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
