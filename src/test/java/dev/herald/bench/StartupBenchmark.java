package dev.herald.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The start-up benchmark: Herald's packaged jar started as a child process, again and again on the
 * same (existing) data directory with the default configuration (embedded PostgreSQL, outbox), each
 * way of starting it taking turns; the time from the launch to the first {@code 200} of {@code GET
 * /actuator/health}, and when the phases of the start ended (from the log). See docs/benchmarks.md.
 */
public final class StartupBenchmark {

  private static final String USAGE =
      "--jar=target/herald-0.1.0-SNAPSHOT.jar --runs=5"
          + " --variants=launcher,jar,extracted,cds,aot-cache --work=target/startup-bench";

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = BenchOptions.parse(args, USAGE);
    Path jar = Path.of(options.getOrDefault("jar", "target/herald-0.1.0-SNAPSHOT.jar"));
    int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
    Path work = Path.of(options.getOrDefault("work", "target/startup-bench")).toAbsolutePath();
    List<StartupVariant> variants = new ArrayList<>();
    for (String name : options.getOrDefault("variants", "launcher,jar,aot-cache").split(",")) {
      variants.add(StartupVariant.named(name, jar.toAbsolutePath(), work));
    }
    Files.createDirectories(work);
    Map<String, String> env =
        Map.of("HERALD_DATA_DIR", work.resolve("var").toString(), "HERALD_PORT", freePort());
    System.out.printf(
        "machine: %d cores (availableProcessors), JDK %s (%s)%n%s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        System.getProperty("java.vm.name"),
        Load.now());
    CpuCalibration calibration = CpuCalibration.measureAndPrint();
    for (StartupVariant variant : variants) {
      Duration training = variant.prepare(jar.toAbsolutePath(), work, env);
      Path log = work.resolve(variant.name() + "-first.log");
      Duration first = StartupRun.start(variant.command(), work, env, log).ready();
      System.out.printf(
          "%s: prepared in %.1f s, first start (not counted) %.1f s%n",
          variant.name(), training.toMillis() / 1e3, first.toMillis() / 1e3);
    }
    Map<StartupVariant, List<StartupRun>> results = new LinkedHashMap<>();
    for (int round = 0; round < runs; round++) {
      for (StartupVariant variant : variants) {
        Path log = work.resolve(variant.name() + "-" + round + ".log");
        StartupRun run = StartupRun.start(variant.command(), work, env, log);
        results.computeIfAbsent(variant, v -> new ArrayList<>()).add(run);
        System.out.printf(
            "round %d %s: %.2f s (%s)%n",
            round + 1, variant.name(), run.ready().toMillis() / 1e3, Load.now());
      }
    }
    System.out.println();
    results.forEach((variant, list) -> StartupReport.print(variant, list, calibration));
    System.out.println(calibration.line());
    System.out.println(Load.now());
  }

  private static String freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return Integer.toString(socket.getLocalPort());
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
