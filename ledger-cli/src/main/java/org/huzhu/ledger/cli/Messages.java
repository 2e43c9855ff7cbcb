package org.huzhu.ledger.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Messages and table headers in the chosen language, from {@code messages_en.properties} and
 * {@code messages_zh.properties} (UTF-8). Arguments are formatted as text, never by locale.
 */
final class Messages {
  private static final String BUNDLE = "org.huzhu.ledger.cli.messages";
  private final ResourceBundle bundle;

  private Messages(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  static Messages of(Huzhu.Lang lang) {
    Locale locale = lang == Huzhu.Lang.zh ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    return new Messages(
        ResourceBundle.getBundle(
            BUNDLE,
            new Locale(locale.getLanguage()),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
  }

  /** The message {@code key} with {@code args} (each shown as {@code String.valueOf}). */
  String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    if (args.length == 0) {
      return pattern;
    }
    Object[] text = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      text[i] = String.valueOf(args[i]);
    }
    return new MessageFormat(pattern, Locale.ROOT).format(text);
  }
}
