package dev.herald.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.herald.HeraldApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Herald opens its database on a thread of its own while Spring parses the configuration
 * (EarlyDatabaseStart): migrated before any bean uses it, a failure to open it reported as before,
 * and the server stopped when the context fails after opening it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartIT {

  @TempDir Path var;

  /** Herald without its web server, on a data directory of the test's own. */
  private ConfigurableApplicationContext herald(String... settings) {
    List<String> args = new ArrayList<>();
    // As arguments: the build's system properties (an ephemeral database elsewhere) come next.
    args.add("--herald.data-dir=" + var);
    args.add("--herald.embedded-ephemeral=false");
    Arrays.stream(settings).map(s -> "--" + s).forEach(args::add);
    return new SpringApplicationBuilder(HeraldApplication.class)
        .web(WebApplicationType.NONE)
        .profiles(HeraldApplication.COMMAND_PROFILE)
        .run(args.toArray(String[]::new));
  }

  @Test
  void theDatabaseIsOpenedBesideTheConfigurationAndMigratedBeforeAnyBeanUsesIt(
      CapturedOutput output) {
    try (ConfigurableApplicationContext context = herald()) {
      assertThat(context.getBean(DatabaseStart.class)).isNotNull();
      assertThat(output.getOut())
          .containsPattern("\\[ *database-start\\] .* Starting embedded PostgreSQL with data in");
      // Opened before the first configuration class was parsed: Spring logs nothing until the
      // context's refresh has parsed them all and created the web server or the first beans.
      int opened = output.getOut().indexOf("Starting embedded PostgreSQL");
      int flyway = output.getOut().indexOf("Successfully validated");
      assertThat(flyway).isGreaterThan(opened);
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                  .query(Long.class)
                  .single())
          .isPositive();
      assertThat(
              jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success")
                  .query(Long.class)
                  .single())
          .isZero();
    }
    assertThat(var.resolve("postgres/postmaster.pid")).doesNotExist();
  }

  @Test
  void aDatabaseThatCannotBeOpenedFailsTheStartWithItsOwnMessage() throws Exception {
    Path dir = Files.createDirectories(var.resolve("postgres"));
    Files.writeString(dir.resolve("PG_VERSION"), "99\n");

    assertThatThrownBy(() -> herald())
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .rootCause()
        .hasMessageContaining("made by PostgreSQL 99, newer than this Herald's PostgreSQL");
  }

  @Test
  void aStartThatFailsAfterTheDatabaseOpenedStopsTheServer() {
    assertThatThrownBy(() -> herald("herald.delivery.threads=not-a-number"))
        .hasStackTraceContaining("herald.delivery.threads");

    // The server had started (its data directory was made), and the failed context stopped it.
    assertThat(var.resolve("postgres/PG_VERSION")).exists();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(var.resolve("postgres/postmaster.pid")).doesNotExist());
  }

  @Test
  void aDatabaseNoBeanTookIsClosedWithTheStartAndOneTakenIsLeftToItsBeans() throws Exception {
    HeraldProperties properties =
        new HeraldProperties(null, null, null, var, null, null, null, null, null, false);
    Path pid = var.resolve("postgres/postmaster.pid");

    DatabaseStart untaken = DatabaseStart.begin(properties, getClass().getClassLoader());
    untaken.destroy();
    // It waited for the start to end, then stopped the server.
    assertThat(var.resolve("postgres/PG_VERSION")).exists();
    assertThat(pid).doesNotExist();

    DatabaseStart taken = DatabaseStart.begin(properties, getClass().getClassLoader());
    DatabaseStart.Opened opened = taken.take();
    taken.destroy();
    assertThat(pid).exists();
    assertThat(JdbcClient.create(opened.pool()).sql("SELECT 1").query(Integer.class).single())
        .isEqualTo(1);
    opened.pool().close();
    opened.embedded().close();
    assertThat(pid).doesNotExist();
  }
}
