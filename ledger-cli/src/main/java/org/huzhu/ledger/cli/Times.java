package org.huzhu.ledger.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Reading dates and date-times from arguments. */
final class Times {
  private Times() {}

  /**
   * A date (the start of that day) or a date-time {@code YYYY-MM-DDTHH:MM[:SS]}.
   *
   * @throws IllegalArgumentException naming {@code what} if {@code text} is neither
   */
  static LocalDateTime parseAt(String text, String what) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay();
      }
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          what + " '" + text + "' is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM[:SS])");
    }
  }

  /** Converts {@code --at} values. */
  static final class AtConverter implements CommandLine.ITypeConverter<LocalDateTime> {
    @Override
    public LocalDateTime convert(String value) {
      try {
        return parseAt(value.strip(), "date-time");
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Converts date values such as {@code --as-of}. */
  static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a date (YYYY-MM-DD)");
      }
    }
  }

  /**
   * Converts whole numbers without overflow: a number too large for a long becomes the largest
   * long of its sign, which the ledger refuses as {@code bad-amount}; text that is not an integer
   * is a usage error.
   */
  static final class AmountConverter implements CommandLine.ITypeConverter<Long> {
    private static final java.math.BigInteger MAX = java.math.BigInteger.valueOf(Long.MAX_VALUE);
    private static final java.math.BigInteger MIN = java.math.BigInteger.valueOf(-Long.MAX_VALUE);

    @Override
    public Long convert(String value) {
      String s = value.strip();
      if (!s.matches("[+-]?[0-9]+")) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
      }
      java.math.BigInteger n = new java.math.BigInteger(s);
      return n.max(MIN).min(MAX).longValueExact();
    }
  }
}
