package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupRunTest {

  private static final Instant LAUNCHED = Instant.parse("2026-12-02T00:00:00Z");

  @Test
  void readsEachPhaseFromTheFirstLogLineThatEndsItInTheOrderTheyCame() {
    List<String> log =
        List.of(
            " :: Spring Boot ::                (v4.1.2)",
            "2026-12-02T00:00:01.500Z  INFO 1 --- [herald] [main] dev.herald.HeraldApplication"
                + " : Starting HeraldApplication v0.1.0-SNAPSHOT using Java 25.0.3",
            "2026-12-02T00:00:04.000Z  INFO 1 --- [herald] [main] i.z.t.d.p.embedded.EmbeddedPostgres"
                + " : 6e30 postmaster startup finished in 00:00:00.500",
            "2026-12-02T00:00:03.500Z  INFO 1 --- [herald] [main] d.herald.support.Database"
                + " : Starting embedded PostgreSQL with data in /var/postgres",
            "2026-12-02T00:00:09.250Z  INFO 1 --- [herald] [main] dev.herald.HeraldApplication"
                + " : Started HeraldApplication in 8.1 seconds (process running for 9.2)",
            "2026-12-02T00:00:09.300Z  INFO 1 --- [herald] [main] dev.herald.HeraldApplication"
                + " : Starting HeraldApplication again, not a phase");

    assertThat(StartupRun.parse(log, LAUNCHED))
        .containsExactly(
            entry("Spring starts (JVM, launcher, logging)", "PT1.5S"),
            entry("embedded PostgreSQL asked for", "PT3.5S"),
            entry("PostgreSQL ready", "PT4S"),
            entry("context ready", "PT9.25S"));
  }

  private static Map.Entry<String, Duration> entry(String phase, String at) {
    return Map.entry(phase, Duration.parse(at));
  }
}
