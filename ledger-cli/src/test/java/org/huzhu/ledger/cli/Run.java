package org.huzhu.ledger.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code huzhu} in process through the factory, as {@code main} does. */
final class Run {
  final int exit;
  final String out;
  final String err;

  private Run(int exit, String out, String err) {
    this.exit = exit;
    this.out = out;
    this.err = err;
  }

  /** A ledger directory and an environment to run commands against. */
  static final class Books {
    final Path dir;
    final Map<String, String> env = new HashMap<>();

    Books(Path dir) {
      this.dir = dir;
      env.put("HUZHU_JOURNAL", dir.toString());
      env.put("HUZHU_NOW", "2026-03-10T09:00");
    }

    Books now(String now) {
      env.put("HUZHU_NOW", now);
      return this;
    }

    Run run(String... args) {
      return Run.run(env, args);
    }

    /**
     * The example community at 2026-11-23T18:00: members enrolled, both rule versions and the
     * catalog published, no sign-ins yet.
     */
    Books community(Path tmp) throws java.io.IOException {
      now("2026-11-23T18:00");
      expect(run("init"));
      expect(run("members", "import", example(tmp, "members.csv").toString()));
      expect(run("rules", "publish", example(tmp, "rules-v1.json").toString()));
      expect(run("rules", "publish", example(tmp, "rules-v2.json").toString()));
      expect(run("catalog", "publish", example(tmp, "catalog.json").toString()));
      return this;
    }

    private static void expect(Run r) {
      if (r.exit != 0) {
        throw new AssertionError(r.toString());
      }
    }

    /** A ledger with members v1 (joined 2026-01-01, team 红队) and v2. */
    Books withMembers(Path tmp) throws java.io.IOException {
      Run init = run("init");
      if (init.exit != 0) {
        throw new AssertionError(init.err);
      }
      Path csv = tmp.resolve("members.csv");
      java.nio.file.Files.writeString(csv, "member_id,joined_on,team\nv1,2026-01-01,红队\nv2,2026-01-02,\n");
      Run r = run("members", "import", csv.toString());
      if (r.exit != 0) {
        throw new AssertionError(r.err);
      }
      return this;
    }
  }

  /** A file of the bundled example community, copied to {@code dir}. */
  static Path example(Path dir, String name) throws java.io.IOException {
    try (java.io.InputStream in = Run.class.getResourceAsStream(DemoCommand.DATA + name)) {
      if (in == null) {
        throw new AssertionError("example data missing: " + name);
      }
      Path p = dir.resolve(name);
      java.nio.file.Files.write(p, in.readAllBytes());
      return p;
    }
  }

  static Run of(int exit, String out, String err) {
    return new Run(exit, out, err);
  }

  static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Huzhu.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  List<String> outLines() {
    return new ArrayList<>(List.of(out.split("\r?\n")));
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
  }
}
