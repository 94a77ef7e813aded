package dev.herald.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory made by another PostgreSQL major than the embedded binaries' is refused with the
 * way to upgrade it, before anything is started in it or written to it.
 */
class EmbeddedPostgresMajorTest {

  @TempDir Path var;

  @Test
  void theBinariesMajorIsTheOneOnTheClassPath() throws Exception {
    OptionalInt binaries = EmbeddedPostgresMajor.binaries();
    assertThat(binaries).isPresent();
    Path dir = var.resolve("made-now");
    EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start().close();
    assertThat(EmbeddedPostgresMajor.dataDirectory(dir)).isEqualTo(binaries);
  }

  @Test
  void aDataDirectoryOfAnOlderMajorIsRefusedUntouchedWithTheWayToUpgradeIt() throws Exception {
    int binaries = EmbeddedPostgresMajor.binaries().orElseThrow();
    Path dir = var.resolve("postgres");
    // a cluster as an earlier Herald leaves it when it stops, but made by the major before
    EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start().close();
    int older = binaries - 1;
    Files.writeString(dir.resolve("PG_VERSION"), older + "\n");
    List<String> before = files(dir);

    HeraldProperties properties =
        new HeraldProperties(null, null, null, var, null, null, null, null, null, false);
    assertThatThrownBy(() -> DatabaseStart.embedded(properties))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("made by PostgreSQL " + older)
        .hasMessageContaining("this Herald runs PostgreSQL " + binaries)
        .hasMessageContaining("pg_upgrade")
        .hasMessageContaining("pg_dumpall")
        .hasMessageContaining("HERALD_DATABASE_URL");
    assertThat(files(dir)).isEqualTo(before);
    assertThat(Files.readString(dir.resolve("PG_VERSION"))).isEqualTo(older + "\n");
  }

  @Test
  void aDataDirectoryOfANewerMajorIsRefused() throws Exception {
    Path dir = Files.createDirectories(var.resolve("postgres"));
    Files.writeString(dir.resolve("PG_VERSION"), "18\n");
    assertThatThrownBy(() -> EmbeddedPostgresMajor.check(dir, OptionalInt.of(17)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("made by PostgreSQL 18, newer than this Herald's PostgreSQL 17");
  }

  @Test
  void anEmptyOrSameMajorDirectoryPasses() throws Exception {
    Path dir = Files.createDirectories(var.resolve("postgres"));
    EmbeddedPostgresMajor.check(dir, OptionalInt.of(17));
    Files.writeString(dir.resolve("PG_VERSION"), "17\n");
    EmbeddedPostgresMajor.check(dir, OptionalInt.of(17));
  }

  private static List<String> files(Path dir) throws Exception {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.map(p -> dir.relativize(p) + " " + p.toFile().length()).sorted().toList();
    }
  }
}
