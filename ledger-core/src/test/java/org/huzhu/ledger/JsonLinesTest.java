package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Refusals of rules and catalog files name the line of the field they name. */
class JsonLinesTest {
  final Ledger ledger = Ledger.inMemory(MutableClock.SHANGHAI, new MutableClock(LocalDateTime.of(2026, 3, 10, 18, 0)));

  String rulesRefusal(String json) {
    LedgerRefusal r =
        assertThrows(LedgerRefusal.class, () -> ledger.publishRules(json.getBytes(StandardCharsets.UTF_8), "rules.json"));
    assertEquals(Reason.BAD_FILE, r.reason());
    return r.detail();
  }

  String catalogRefusal(String json) {
    LedgerRefusal r =
        assertThrows(LedgerRefusal.class, () -> ledger.publishCatalog(json.getBytes(StandardCharsets.UTF_8), "catalog.json"));
    assertEquals(Reason.BAD_FILE, r.reason());
    return r.detail();
  }

  @Test
  void aBadRuleNamesItsLineAndPath() {
    String detail =
        rulesRefusal(
            """
            {"version": 1,
             "effective_from": "2026-01-01",
             "activities": {
               "clean.up": {"name": "x", "points_per_hour": "5"},
               "care": {"name": "y",
                        "points_per_hour": "1e3"}}}
            """);
    assertEquals(
        "rules.json: line 6: activities.care.points_per_hour: exponents are not accepted, write the decimal in full: 1e3",
        detail);
  }

  @Test
  void aMissingFieldNamesTheLineOfWhatShouldHoldIt() {
    String detail =
        rulesRefusal(
            """
            {"version": 1,
             "effective_from": "2026-01-01",
             "activities": {"care": {"points_per_hour": "5"}},
             "multipliers": [
               {"name": "w", "factor": "2"},
               {"factor": "2",
                "days_of_week": ["MONDAY"]}]}
            """);
    assertEquals("rules.json: line 6: multipliers[1].name: missing (a required field)", detail);
  }

  @Test
  void aBadCatalogItemNamesItsLine() {
    assertEquals(
        "catalog.json: line 3: items[1].price_points: must be between 1 and 10^12, was 0",
        catalogRefusal(
            """
            {"items": [{"id": "a", "name": "A", "merchant": "m", "price_points": 5},
              {"id": "b", "name": "B", "merchant": "m",
               "price_points": 0}]}
            """));
    assertEquals("catalog.json: line 2: colour: unknown field", catalogRefusal("{\"items\": [],\n \"colour\": 1}"));
  }

  @Test
  void halfOfACharacterInARulesOrCatalogNameRefusesTheFile() {
    assertEquals(
        "catalog.json: line 1: items[0].name: holds half of a character (a lone surrogate), which is not text",
        catalogRefusal("{\"items\": [{\"id\": \"a\", \"name\": \"A\\ud800\", \"merchant\": \"m\", \"price_points\": 5}]}"));
    assertTrue(
        rulesRefusal(
                "{\"version\": 1, \"effective_from\": \"2026-01-01\",\n"
                    + " \"activities\": {\"a\": {\"name\": \"\\udc00\", \"points_per_event\": 1}}}")
            .endsWith("activities.a.name: holds half of a character (a lone surrogate), which is not text"),
        "rules refusal");
  }

  @Test
  void aFieldMissingFromTheDocumentNamesTheLineWhereTheDocumentStarts() {
    assertEquals(
        "rules.json: line 2: version: missing (a required field)",
        rulesRefusal("\n{\"effective_from\": \"2026-01-01\",\n \"activities\": {}}"));
    assertEquals("catalog.json: line 2: must be a JSON object with \"items\"", catalogRefusal("\n[]"));
  }

  @Test
  void aRefusalWithoutAPathOrShapeIsLeftAsItIs() {
    assertEquals("rules.json: the file is empty", rulesRefusal("  \n"));
  }
}
