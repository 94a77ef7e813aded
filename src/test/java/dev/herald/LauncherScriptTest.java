package dev.herald;

import static java.util.regex.Pattern.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/herald}, run against a stand-in {@code java} that records its arguments: which JVM
 * options it starts Herald with, and when it extracts the jar and makes its start-up cache. The
 * speed itself is measured by the start-up benchmark, not here.
 */
class LauncherScriptTest {

  /**
   * A {@code java} that logs each call, and does what the launcher expects of extract and training.
   */
  private static final String FAKE_JAVA =
      """
      #!/bin/sh
      echo "$*" >> "$FAKE_JAVA_LOG"
      case "$*" in
        -version) echo "openjdk version \\"$FAKE_JAVA_VERSION\\" 2025-09-16" >&2 ;;
        *jarmode=tools*) mkdir -p "$6" && touch "$6/herald.jar" ;;
        *spring.context.exit=onRefresh*)
          [ -n "$FAKE_TRAINING_FAILS" ] && exit 1
          for a in "$@"; do case "$a" in -XX:AOTCacheOutput=*|-XX:ArchiveClassesAtExit=*) touch "${a#*=}" ;; esac; done ;;
      esac
      """;

  @TempDir Path root;

  @BeforeEach
  void layOut() throws IOException {
    Files.createDirectories(root.resolve("bin"));
    Files.copy(Path.of("bin/herald"), root.resolve("bin/herald"));
    Files.createDirectories(root.resolve("target"));
    Files.writeString(root.resolve("target/herald-0.1.0-SNAPSHOT.jar"), "a jar");
    Path java = root.resolve("jdk/bin/java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, FAKE_JAVA);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void trainsAnAotCacheOnTheFirstStartOnJdk25AndStartsWithItFromThenOn() throws Exception {
    List<String> first = launch("25.0.3", false, "quickstart");

    assertThat(first).anyMatch(call -> call.startsWith("-Djarmode=tools -jar "));
    assertThat(first)
        .anyMatch(
            call ->
                call.contains("-XX:AOTCacheOutput=")
                    && call.contains("-Dspring.context.exit=onRefresh")
                    && !call.endsWith("quickstart"));
    assertThat(first.getLast())
        .matches(
            quote("-XX:+UseZGC -Xms1g -Xmx1g -XX:AOTCache=" + app() + "/herald-")
                + "\\d+"
                + quote(".aot -jar " + app() + "/herald.jar quickstart"));

    List<String> second = launch("25.0.3", false);

    assertThat(second).containsExactly("-version", first.getLast().replace(" quickstart", ""));
  }

  @Test
  void usesAClassDataSharingArchiveAndGenerationalZgcOnJdk21() throws Exception {
    List<String> calls = launch("21.0.8", false);

    assertThat(calls).anyMatch(call -> call.contains("-XX:ArchiveClassesAtExit="));
    assertThat(calls.getLast())
        .matches(
            quote("-XX:+UseZGC -Xms1g -Xmx1g -XX:+ZGenerational -XX:SharedArchiveFile=" + app())
                + "/herald-\\d+"
                + quote(".jsa -jar " + app() + "/herald.jar"));
  }

  @Test
  void startsWithoutTheCacheWhenTheTrainingRunFails() throws Exception {
    List<String> calls = launch("25.0.3", true);

    assertThat(calls.getLast())
        .isEqualTo("-XX:+UseZGC -Xms1g -Xmx1g -jar " + app() + "/herald.jar");
    assertThat(Files.list(root.resolve("target/herald-app")))
        .noneMatch(path -> path.toString().endsWith(".aot"));
  }

  @Test
  void extractsAgainAndRetrainsAfterARebuild() throws Exception {
    launch("25.0.3", false);
    Path jar = root.resolve("target/herald-0.1.0-SNAPSHOT.jar");
    Files.setLastModifiedTime(
        jar,
        FileTime.fromMillis(
            Files.getLastModifiedTime(root.resolve("target/herald-app/extracted")).toMillis()
                + 10_000));

    List<String> calls = launch("25.0.3", false);

    assertThat(calls).anyMatch(call -> call.startsWith("-Djarmode=tools -jar " + jar));
    assertThat(calls).anyMatch(call -> call.contains("-XX:AOTCacheOutput="));
  }

  private String app() {
    return root.resolve("target/herald-app").toString();
  }

  /** Runs the launcher with the stand-in JDK, answering the arguments of each of its calls. */
  private List<String> launch(String version, boolean trainingFails, String... args)
      throws Exception {
    Path log = root.resolve("java-calls.log");
    Files.deleteIfExists(log);
    List<String> command = new ArrayList<>(List.of(root.resolve("bin/herald").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("JAVA_HOME", root.resolve("jdk").toString());
    builder.environment().put("FAKE_JAVA_LOG", log.toString());
    builder.environment().put("FAKE_JAVA_VERSION", version);
    builder.environment().put("FAKE_TRAINING_FAILS", trainingFails ? "yes" : "");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return Files.readAllLines(log);
  }
}
