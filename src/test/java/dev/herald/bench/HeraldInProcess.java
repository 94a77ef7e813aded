package dev.herald.bench;

import dev.herald.HeraldApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Herald started in the benchmark's JVM, on a random port, against the benchmark's database. */
final class HeraldInProcess {

  private HeraldInProcess() {}

  /**
   * Starts Herald; {@code postgres} null means Herald's own embedded database. {@code extra} are
   * settings that override application.yml; {@code initializers} may register extra beans.
   */
  @SafeVarargs
  static ConfigurableApplicationContext start(
      Path dataDir,
      EmbeddedPostgres postgres,
      Map<String, String> extra,
      ApplicationContextInitializer<? super ConfigurableApplicationContext>... initializers) {
    String url = postgres == null ? "" : postgres.getJdbcUrl("postgres", "postgres");
    List<String> properties =
        new ArrayList<>(
            List.of(
                "herald.database-url=" + url,
                "herald.database-username=postgres",
                "herald.data-dir=" + dataDir,
                "herald.embedded-ephemeral=true",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN",
                "logging.level.io.zonky=ERROR"));
    // As command-line arguments, so that they win over application.yml (which sets the port from
    // HERALD_PORT, 6011 by default): a random port unless the benchmark chose one.
    Map<String, String> overriding = new java.util.LinkedHashMap<>(Map.of("server.port", "0"));
    overriding.putAll(extra);
    String[] overrides =
        overriding.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(HeraldApplication.class)
        .properties(properties.toArray(String[]::new))
        .initializers(initializers)
        .run(overrides);
  }

  static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }
}
