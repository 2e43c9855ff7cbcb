package org.huzhu.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ledger's sentences for people, in English and Chinese: {@code NAME.properties} and {@code
 * NAME_zh.properties} beside this class. Read from the class's own resources rather than through
 * ResourceBundle: its controls are refused in a named module, and it would fall back to the JVM's
 * default locale (a Chinese machine asked for English would answer in Chinese).
 */
final class Wording {
  private static final Map<String, Properties> LOADED = new ConcurrentHashMap<>();

  private Wording() {}

  /**
   * Message {@code key} of {@code name} in {@code locale}'s language, else in English, with {@code
   * args} (text, so that numbers are never grouped by a locale's rules).
   *
   * @throws IllegalStateException when the message does not exist
   */
  static String format(String name, Locale locale, String key, Object... args) {
    String pattern = speaks(locale) ? load(name, locale.getLanguage()).getProperty(key) : null;
    if (pattern == null) {
      pattern = load(name, "").getProperty(key);
    }
    if (pattern == null) {
      throw new IllegalStateException("no message " + key + " in " + name);
    }
    return new MessageFormat(pattern, Locale.ROOT).format(args);
  }

  /** The languages besides English that the ledger has sentences in. */
  private static final java.util.Set<String> SPOKEN = java.util.Set.of("zh");

  /** Whether the ledger has sentences in {@code locale}'s language other than English. */
  static boolean speaks(Locale locale) {
    return SPOKEN.contains(locale.getLanguage());
  }

  private static Properties load(String name, String language) {
    return LOADED.computeIfAbsent(
        name + "_" + language,
        k -> {
          Properties p = new Properties();
          String file = language.isEmpty() ? name + ".properties" : name + "_" + language + ".properties";
          try (InputStream in = Wording.class.getResourceAsStream(file)) {
            if (in != null) {
              p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return p;
        });
  }
}
