package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Refusals and explanations are told in English and in Chinese, with the same codes, ids and amounts. */
class WordingTest {
  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = WordingTest.class.getResourceAsStream(name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  /** The argument numbers a message uses, e.g. {0, 2}. */
  static java.util.Set<String> arguments(String pattern) {
    java.util.Set<String> used = new java.util.TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d+)}").matcher(pattern);
    while (m.find()) {
      used.add(m.group(1));
    }
    new MessageFormat(pattern); // and it parses
    return used;
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"refusals", "explanations"})
  void everyMessageHasAChineseTranslationWithTheSameArguments(String name) throws IOException {
    Properties en = load(name + ".properties");
    Properties zh = load(name + "_zh.properties");
    assertEquals(en.stringPropertyNames(), zh.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      assertEquals(arguments(en.getProperty(key)), arguments(zh.getProperty(key)), key);
      assertTrue(zh.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), key);
    }
  }

  @Test
  void anEntryIsExplainedInTheLanguageAskedFor() {
    Ledger ledger = Ledger.inMemory(MutableClock.SHANGHAI, new MutableClock(LocalDateTime.of(2026, 3, 10, 18, 0)));
    ledger.enrol(List.of(new MemberRecord("v1", LocalDate.of(2025, 1, 1), "care", null)));
    Entry adjust = ledger.adjust(new AdjustRequest("A", "v1", 0, 30, "paper sheet", "g1", null)).entry();
    assertEquals("adjustment +30 min backfilled: paper sheet (approved by g1)", adjust.explanation());
    assertEquals(adjust.explanation(), adjust.explanation(Locale.forLanguageTag("tr-TR")));
    assertEquals("补录 +30 分钟：paper sheet（批准人 g1）", adjust.explanation(Locale.SIMPLIFIED_CHINESE));
    Entry enrolled = ledger.entries(1).filter(e -> e.id().equals("sys:member:v1")).findFirst().orElseThrow();
    assertEquals("enrolled, joined 2025-01-01, team care", enrolled.explanation());
    assertEquals("登记加入，加入日期 2025-01-01，服务队 care", enrolled.explanation(Locale.CHINESE));
  }

  @Test
  void aRefusalIsToldInTheLanguageAskedFor() {
    Ledger ledger = Ledger.inMemory(MutableClock.SHANGHAI, new MutableClock(LocalDateTime.of(2026, 3, 10, 18, 0)));
    ledger.enrol(List.of(new MemberRecord("v1", LocalDate.of(2025, 1, 1), null, null)));
    LedgerRefusal r =
        assertThrows(LedgerRefusal.class, () -> ledger.transfer(new TransferRequest("T", "v1", "v1", 5, null, null)));
    assertEquals(Reason.SAME_ACCOUNT, r.reason());
    assertEquals("cannot transfer from member:v1 to itself", r.detail());
    assertEquals(r.detail(), r.detail(Locale.ENGLISH));
    assertEquals(r.detail(), r.detail(Locale.forLanguageTag("tr-TR")), "a language the ledger does not speak is English");
    assertEquals("不能从 member:v1 转给自己", r.detail(Locale.SIMPLIFIED_CHINESE));

    LedgerRefusal nested = LedgerRefusal.of(Reason.LOT_SPENT, "import-not-reversible", "import:1", LedgerRefusal.of(Reason.LOT_SPENT, "lot-spent", "S1", 5, 10));
    assertEquals("import import:1 cannot be reversed: points of S1 were already spent (5 of 10)", nested.detail());
    assertEquals("导入 import:1 不能冲正：S1 的积分已被使用（10 中的 5）", nested.detail(Locale.CHINESE));
    // numbers are shown as they are, never grouped by a locale's rules
    assertEquals("points 1000000000001 is beyond 10^12 either way", LedgerRefusal.of(Reason.BAD_AMOUNT, "too-large-points", 1_000_000_000_001L).detail());
  }
}
