package dev.herald.api;

import static org.awaitility.Awaitility.await;

import dev.herald.testdata.ApiIT;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Herald on a PostgreSQL of its own that the test restarts while clients send: every send answered
 * 201 is stored, every other one is refused as temporary (503), none is a 500.
 */
class DatabaseRestartIT extends ApiIT {

  private static final int SENDERS = 8;
  private static final int MAX_SENDS = 5_000;

  private static Path dataDirectory;
  private static int databasePort;
  private static EmbeddedPostgres postgres;

  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
    dataDirectory = Files.createTempDirectory("herald-restart-");
    postgres = start(0);
    databasePort = postgres.getPort();
    registry.add("herald.database-url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("herald.database-username", () -> "postgres");
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    postgres.close();
    FileSystemUtils.deleteRecursively(dataDirectory);
  }

  private static EmbeddedPostgres start(int port) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setServerConfig("max_connections", "100");
    if (port != 0) {
      builder.setPort(port);
    }
    return builder.start();
  }

  @Test
  void sendsCaughtInARestartAreRefusedAsTemporaryAndEveryAcceptedOneIsStored() throws Exception {
    OutageSends outage = new OutageSends(herald, http);
    AtomicInteger sends = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> senders = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        senders.add(
            pool.submit(
                () -> {
                  while (!stop.get() && sends.incrementAndGet() <= MAX_SENDS) {
                    outage.sendOne();
                  }
                  return null;
                }));
      }
      await().atMost(Duration.ofMinutes(1)).until(() -> outage.accepted() >= 50);
      postgres.close();
      postgres = start(databasePort);
      int beforeRestart = outage.accepted();
      await().atMost(Duration.ofMinutes(2)).until(() -> outage.accepted() >= beforeRestart + 50);
      stop.set(true);
      for (Future<?> sender : senders) {
        sender.get(2, TimeUnit.MINUTES);
      }
    }

    outage.assertNoneWrongAndEveryAcceptedStored(jdbc);
  }
}
