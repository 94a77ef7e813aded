package dev.herald.testdata;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Herald run as a separate operating-system process on the main classpath, the way an operator runs
 * it, so that tests can kill it as a crash would and start it again on the same data.
 */
public final class HeraldProcess {

  private static final int SIGKILL_EXIT = 128 + 9;

  private final List<String> arguments;
  private final Path dataDir;
  private final Path logDir;
  private final int port;
  private Process process;
  private int starts;

  /** A Herald on {@code port} with data under {@code dataDir}, logging into {@code logDir}. */
  public HeraldProcess(int port, Path dataDir, Path logDir, List<String> arguments) {
    this.port = port;
    this.dataDir = dataDir;
    this.logDir = logDir;
    this.arguments = List.copyOf(arguments);
  }

  public int port() {
    return port;
  }

  /** The log of the latest start. */
  public Path log() {
    return logDir.resolve("herald-" + starts + ".log");
  }

  /** Starts the process and waits until its health endpoint answers UP. */
  public void start(Duration timeout) throws IOException {
    starts++;
    Files.createDirectories(logDir);
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(List.of("-cp", mainClasspath(), "dev.herald.HeraldApplication"));
    command.add("--server.port=" + port);
    command.add("--herald.data-dir=" + dataDir);
    command.addAll(arguments);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log().toFile())
            .start();
    Http http = new Http(port);
    await("Herald up (log: " + log() + ")")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsInstanceOf(UncheckedIOException.class)
        .until(() -> isUp(http));
  }

  /** Kills the process with SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    int exit = process.waitFor();
    if (exit != SIGKILL_EXIT) {
      throw new IllegalStateException("Herald ended with " + exit + ", not by SIGKILL");
    }
  }

  /** Stops the process with SIGTERM and waits for its graceful shutdown. */
  public void stop() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** The port of the embedded PostgreSQL, from its {@code postmaster.pid} (line 4). */
  public int databasePort() throws IOException {
    return Integer.parseInt(
        Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(3).strip());
  }

  private boolean isUp(Http http) throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "Herald exited with " + process.exitValue() + ":\n" + tail(log()));
    }
    Http.Response health = http.send("GET", "/actuator/health", null, null);
    return health.status() == 200 && health.body().contains("\"UP\"");
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /**
   * This JVM's classpath without the test classes (whose test configurations component scanning
   * would pick up), expanded from the manifest when Failsafe passes it in a booter jar.
   */
  private static String mainClasspath() throws IOException {
    return entries(System.getProperty("java.class.path"))
        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
        .reduce((a, b) -> a + File.pathSeparator + b)
        .orElseThrow();
  }

  private static Stream<String> entries(String classpath) throws IOException {
    List<String> entries = Arrays.asList(classpath.split(File.pathSeparator));
    if (entries.size() != 1 || !entries.getFirst().contains("surefirebooter")) {
      return entries.stream();
    }
    try (JarFile booter = new JarFile(entries.getFirst())) {
      Manifest manifest = booter.getManifest();
      String classPath = manifest.getMainAttributes().getValue("Class-Path");
      Path base = Path.of(entries.getFirst()).toAbsolutePath().getParent();
      return Arrays.stream(classPath.split(" "))
          .filter(s -> !s.isBlank())
          .map(s -> Path.of(base.toUri().resolve(URI.create(s))).toString());
    }
  }
}
