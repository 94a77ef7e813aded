package dev.herald.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A million-row CSV passes through the check and the processing read in a JVM whose heap is 64 MB,
 * far less than the file (about 40 MB of text) held as rows would need. Checking and reading it
 * again took about 32 s on this machine's 2 shared cores.
 */
class MillionRowSheetTest {

  private static final int ROWS = 1_000_000;

  @Test
  void checksAMillionRowsInASmallHeap() throws IOException, InterruptedException {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                MillionRowCheck.class.getName(),
                Integer.toString(ROWS))
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("rows=1000000 errors=0 shown=50 processed=1000000");
  }
}
