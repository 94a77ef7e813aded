package dev.herald.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One start of Herald as a child process: the time from launching the command to the first {@code
 * 200} of {@code GET /actuator/health}, and when each milestone of its log came, then a normal stop
 * (SIGTERM, as a user's Ctrl-C), so that the next start finds the data directory as a restart does.
 */
record StartupRun(Duration ready, Map<String, Duration> milestones) {

  /** The log lines that mark the phases of a start, in the order of a start without overlap. */
  static final Map<String, Pattern> MILESTONES = phases();

  private static final Pattern TIMESTAMP = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT[^ ]+Z) ");
  private static final Duration LIMIT = Duration.ofMinutes(5);

  static StartupRun start(List<String> command, Path workDir, Map<String, String> env, Path log)
      throws IOException, InterruptedException {
    int port = Integer.parseInt(env.get("HERALD_PORT"));
    ProcessBuilder builder = builder(command, workDir, env, log);
    Instant launched = Instant.now();
    long began = System.nanoTime();
    Process process = builder.start();
    try {
      Duration ready = awaitHealth(process, port, began);
      return new StartupRun(ready, parse(Files.readAllLines(log), launched));
    } finally {
      process.destroy();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** Runs a command to its end (a training run), answering how long it took. */
  static Duration runToEnd(List<String> command, Path workDir, Map<String, String> env, Path log)
      throws IOException, InterruptedException {
    ProcessBuilder builder = builder(command, workDir, env, log);
    long began = System.nanoTime();
    int exit = builder.start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException(command + " exited with " + exit + ": see " + log);
    }
    return Duration.ofNanos(System.nanoTime() - began);
  }

  private static ProcessBuilder builder(
      List<String> command, Path workDir, Map<String, String> env, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().putAll(env);
    return builder.redirectErrorStream(true).redirectOutput(log.toFile());
  }

  private static Duration awaitHealth(Process process, int port, long began)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(10))
            .build();
    while (process.isAlive() && System.nanoTime() - began < LIMIT.toNanos()) {
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - began);
        }
      } catch (ConnectException | HttpTimeoutException notYetAnswering) {
        // polled again below
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("Herald did not answer on port " + port + " within " + LIMIT);
  }

  /** Each milestone's first line, as the time since the launch that its log timestamp gives. */
  static Map<String, Duration> parse(List<String> lines, Instant launched) {
    Map<String, Duration> found = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher time = TIMESTAMP.matcher(line);
      if (!time.find()) {
        continue;
      }
      MILESTONES.forEach(
          (name, pattern) -> {
            if (!found.containsKey(name) && pattern.matcher(line).find()) {
              found.put(name, Duration.between(launched, Instant.parse(time.group(1))));
            }
          });
    }
    List<Map.Entry<String, Duration>> sorted = new ArrayList<>(found.entrySet());
    sorted.sort(Map.Entry.comparingByValue());
    Map<String, Duration> ordered = new LinkedHashMap<>();
    sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }

  private static Map<String, Pattern> phases() {
    Map<String, Pattern> m = new LinkedHashMap<>();
    m.put("Spring starts (JVM, launcher, logging)", Pattern.compile("Starting HeraldApplication"));
    m.put("embedded PostgreSQL asked for", Pattern.compile("Starting embedded PostgreSQL"));
    m.put("PostgreSQL ready", Pattern.compile("postmaster startup finished"));
    m.put("Flyway done", Pattern.compile("Schema .* is up to date|Successfully applied"));
    m.put("db-scheduler built", Pattern.compile("Creating scheduler with configuration"));
    m.put("Tomcat listening", Pattern.compile("Tomcat started on port"));
    m.put("context ready", Pattern.compile("Started HeraldApplication in"));
    return Collections.unmodifiableMap(m);
  }
}
