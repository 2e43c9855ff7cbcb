package org.huzhu.ledger.imports;

import static org.huzhu.ledger.imports.ImportFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MembersFileTest {
  @TempDir Path dir;

  private List<MemberRow> read(String content) {
    return MembersFile.read(write(dir, "members.csv", content), StandardCharsets.UTF_8);
  }

  private String refusal(String content) {
    Path file = write(dir, "members.csv", content);
    LedgerRefusal e =
        assertThrows(LedgerRefusal.class, () -> MembersFile.read(file, StandardCharsets.UTF_8));
    assertEquals(Reason.BAD_FILE, e.reason());
    return e.getMessage().substring(file.toString().length() + 2);
  }

  @Test
  void readsMembersWithOptionalColumnsInAnyOrder() {
    List<MemberRow> rows =
        read("\uFEFFgrid , joined_on,member_id,team,extra\n"
            + "g1,2026-01-05,v1,一队,x\n\n"
            + ",2026-01-06,v2,,\n");
    assertEquals(
        List.of(
            new MemberRow(2, "v1", LocalDate.of(2026, 1, 5), "一队", "g1"),
            new MemberRow(4, "v2", LocalDate.of(2026, 1, 6), null, null)),
        rows);
  }

  @Test
  void onlyRequiredColumns() {
    MemberRow r = read("member_id,joined_on\r\nv1,2026-01-05\r\n").get(0);
    assertNull(r.team());
    assertNull(r.grid());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "member_id,joined_on\\nv1| line 2: 1 fields where the header has 2",
        "member_id,joined_on\\n,2026-01-01| line 2: member_id is empty",
        "member_id,joined_on\\nv 1,2026-01-01| line 2: member_id 'v 1' does not match [A-Za-z0-9._-]{1,64}",
        "member_id,joined_on\\npool,2026-01-01| line 2: member_id 'pool' is reserved",
        "member_id,joined_on\\nissued,2026-01-01| line 2: member_id 'issued' is reserved",
        "member_id,joined_on\\nexpired,2026-01-01| line 2: member_id 'expired' is reserved",
        "member_id,joined_on\\nv1,2026-02-30| line 2: joined_on '2026-02-30' is not a valid date (YYYY-MM-DD)",
        "member_id,joined_on\\nv1,2026-1-3| line 2: joined_on '2026-1-3' is not a valid date (YYYY-MM-DD)",
        "member_id,joined_on\\nv1,| line 2: joined_on is empty",
        "member_id,team\\nv1,x| line 1: missing column joined_on",
        "joined_on\\n2026-01-01| line 1: missing column member_id",
        "member_id,joined_on,grid,grid\\nv1,2026-01-01,a,b| line 1: column grid appears more than once",
        "''| line 1: no header row (expected member_id,joined_on)",
        "member_id,joined_on\\n\"v1,2026-01-01| line 2: a quoted field is not closed properly",
      })
  void anyBadRowRefusesTheWholeFile(String content, String message) {
    assertEquals(message, refusal(content.replace("\\n", "\n").replace("''", "")));
  }

  @Test
  void teamLongerThan200IsRefused() {
    assertEquals(
        "line 2: team is longer than 200 characters",
        refusal("member_id,joined_on,team\nv1,2026-01-01," + "队".repeat(201) + "\n"));
  }

  @Test
  void aMemberListedAgainIsReturnedAgainInFileOrder() {
    List<MemberRow> rows =
        read("member_id,joined_on,team\nv1,2026-01-01,a\nv1,2026-01-01,a\nv1,2026-01-01,b\n");
    assertEquals(List.of("a", "a", "b"), rows.stream().map(MemberRow::team).toList());
    assertEquals(List.of(2, 3, 4), rows.stream().map(MemberRow::line).toList());
  }

  @Test
  void gb18030NeedsItsCharset() {
    Charset gb = Charset.forName("GB18030");
    Path file = write(dir, "m.csv", "member_id,joined_on,team\nv1,2026-01-01,第一队\n".getBytes(gb));
    assertEquals("第一队", MembersFile.read(file, gb).get(0).team());
    LedgerRefusal e =
        assertThrows(LedgerRefusal.class, () -> MembersFile.read(file, StandardCharsets.UTF_8));
    assertEquals(
        file + ": line 2: bytes invalid in UTF-8; pass --encoding (e.g. GB18030)", e.getMessage());
  }
}
