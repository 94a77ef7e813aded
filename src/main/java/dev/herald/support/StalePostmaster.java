package dev.herald.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as a child process. If Herald was killed (kill -9, power loss of the
 * JVM only), that child may outlive it and still hold the data directory; this stops it, so that
 * the new server can start and recover from its write-ahead log.
 */
final class StalePostmaster {

  private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private StalePostmaster() {}

  static void stop(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> process =
        lines.isEmpty()
            ? Optional.empty()
            : ProcessHandle.of(Long.parseLong(lines.getFirst().strip()));
    if (process.isEmpty() || !process.get().isAlive() || !isPostgres(process.get())) {
      return;
    }
    log.warn(
        "A PostgreSQL left by an earlier Herald (pid {}) holds {}; stopping it",
        process.get().pid(),
        dataDir);
    process.get().destroy();
    try {
      process.get().onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      process.get().destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IOException("Could not stop the stale PostgreSQL", e);
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.endsWith("postgres")).orElse(false);
  }
}
