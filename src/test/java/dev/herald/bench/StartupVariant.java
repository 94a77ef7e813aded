package dev.herald.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One way of starting Herald: the README's {@code java -jar}, the jar extracted, with a CDS archive
 * or the JDK's AOT cache from a training run ({@code -Dspring.context.exit=onRefresh}), or the
 * {@code bin/herald} launcher (which trains on its own first start).
 */
record StartupVariant(String name, List<String> command, List<String> training, Path app) {

  static final List<String> JVM = List.of("-XX:+UseZGC", "-Xms1g", "-Xmx1g");

  static StartupVariant named(String name, Path jar, Path work) {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path app = work.resolve("app-" + name);
    Path extracted = app.resolve(jar.getFileName());
    return switch (name) {
      case "launcher" ->
          new StartupVariant(
              name, List.of(Path.of("bin/herald").toAbsolutePath().toString()), List.of(), null);
      case "jar" ->
          new StartupVariant(name, java(java, List.of("-jar", jar.toString())), null, null);
      case "extracted" ->
          new StartupVariant(name, java(java, List.of("-jar", extracted.toString())), null, app);
      case "cds" ->
          trained(
              name, java, app, extracted, "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=");
      case "aot-cache" ->
          trained(name, java, app, extracted, "-XX:AOTCacheOutput=", "-XX:AOTCache=");
      default -> throw new IllegalArgumentException("no start-up variant " + name);
    };
  }

  private static StartupVariant trained(
      String name, String java, Path app, Path extracted, String record, String use) {
    String archive = app.resolve("herald.archive").toString();
    return new StartupVariant(
        name,
        java(java, List.of(use + archive, "-jar", extracted.toString())),
        java(
            java,
            List.of(
                record + archive, "-Dspring.context.exit=onRefresh", "-jar", extracted.toString())),
        app);
  }

  private static List<String> java(String java, List<String> args) {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(JVM);
    command.addAll(args);
    return command;
  }

  /** Extracts the jar and runs the training run where this variant has them, answering the time. */
  Duration prepare(Path jar, Path work, Map<String, String> env)
      throws IOException, InterruptedException {
    if (app == null) {
      return Duration.ZERO;
    }
    StartupBenchmark.deleteTree(app);
    String java = command.getFirst();
    Duration extract =
        StartupRun.runToEnd(
            List.of(
                java,
                "-Djarmode=tools",
                "-jar",
                jar.toString(),
                "extract",
                "--destination",
                app.toString()),
            work,
            env,
            work.resolve(name + "-extract.log"));
    return training == null
        ? extract
        : extract.plus(
            StartupRun.runToEnd(training, work, env, work.resolve(name + "-training.log")));
  }
}
