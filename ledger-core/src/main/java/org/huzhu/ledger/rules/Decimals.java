package org.huzhu.ledger.rules;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Exact decimal helpers for rates and factors. Never goes through binary floating point. */
final class Decimals {
  /** Digits, an optional fraction; a sign is checked separately so the message can say why. */
  static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  /** A decimal written with an exponent, refused with its own message. */
  static final Pattern WITH_EXPONENT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?[eE][+-]?[0-9]+");

  /** Longer decimal texts are refused: no sensible rate or factor needs more. */
  static final int MAX_TEXT_LENGTH = 32;

  private Decimals() {}

  /**
   * The canonical form of a decimal: trailing zeros stripped and never a negative scale, so that
   * "10", "10.0" and "1E+1" are one value and {@code equals} means "the same number".
   */
  static BigDecimal normalize(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
