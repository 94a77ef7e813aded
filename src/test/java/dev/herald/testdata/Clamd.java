package dev.herald.testdata;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.awaitility.Awaitility.await;

import dev.herald.antivirus.ClamdScanner;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A real clamd for a test class ({@code @RegisterExtension static}), a child process in the
 * foreground with its own configuration in a temporary directory: TCP on a free loopback port, a
 * Unix socket, and a database of one body signature of the EICAR test file, so that it starts in a
 * fraction of a second and downloads nothing. It fails, never skips, when clamd is missing ({@code
 * bin/test-packages}, run by {@code ./mvnw verify}, installs it).
 */
public final class Clamd implements BeforeAllCallback, AfterAllCallback {

  /**
   * The name clamd answers for the test signature, with the ".UNOFFICIAL" it adds to all not
   * ClamAV's.
   */
  public static final String EICAR_SIGNATURE = "Herald.Test.Eicar.UNOFFICIAL";

  private static final Logger log = LoggerFactory.getLogger(Clamd.class);
  private static final List<String> SBIN =
      List.of("/usr/sbin", "/usr/local/sbin", "/opt/homebrew/sbin");

  private final long streamMaxLength;
  private Path directory;
  private int port;
  private Process process;

  /** A clamd that refuses streams longer than this many bytes ({@code StreamMaxLength}). */
  public Clamd(long streamMaxLength) {
    this.streamMaxLength = streamMaxLength;
  }

  /** The standard 68-byte EICAR test file, put together here so that no source file holds it. */
  public static byte[] eicar() {
    return String.join(
            "", "X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")
        .getBytes(US_ASCII);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    // Under the system's temporary directory (/tmp), which Debian's AppArmor profile lets clamd
    // write, and short enough for a Unix socket's path.
    directory = Files.createTempDirectory("clamd");
    port = freePort();
    Files.createDirectory(directory.resolve("db"));
    Files.writeString(
        directory.resolve("db/herald-test.ndb"),
        "Herald.Test.Eicar:0:*:" + HexFormat.of().formatHex(eicar()) + "\n");
    Files.writeString(directory.resolve("clamd.conf"), configuration());
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    stop();
    FileSystemUtils.deleteRecursively(directory);
  }

  /** {@code host:port} of its TCP socket. */
  public String tcpAddress() {
    return "127.0.0.1:" + port;
  }

  /** {@code unix:/path} of its Unix socket. */
  public String unixAddress() {
    return "unix:" + directory.resolve("clamd.ctl");
  }

  /** Starts clamd and waits until it answers {@code PING} on both sockets. */
  public void start() throws IOException {
    File output = directory.resolve("clamd.out").toFile();
    long started = System.nanoTime();
    process =
        new ProcessBuilder(executable(), "--foreground", "-c", directory + "/clamd.conf")
            .redirectErrorStream(true)
            .redirectOutput(output)
            .start();
    await("clamd answering PING")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .failFast(() -> exited(output))
        .ignoreExceptions()
        .until(() -> ping(tcpAddress()) && ping(unixAddress()));
    log.info(
        "clamd answered PING {} ms after it was started",
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Stops clamd (SIGTERM, as a service manager would) and waits until it has gone. */
  public void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping clamd", e);
    }
  }

  private String configuration() {
    return """
        Foreground yes
        TCPSocket %d
        TCPAddr 127.0.0.1
        LocalSocket %s/clamd.ctl
        FixStaleSocket yes
        DatabaseDirectory %s/db
        LogFile %s/clamd.log
        StreamMaxLength %d
        Bytecode no
        """
        .formatted(port, directory, directory, directory, streamMaxLength);
  }

  private static boolean ping(String address) {
    new ClamdScanner(address, Duration.ofSeconds(1), Duration.ofSeconds(5)).ping();
    return true;
  }

  private void exited(File output) throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "clamd exited with " + process.exitValue() + ":\n" + Files.readString(output.toPath()));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String executable() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.concat(Stream.of(path.split(File.pathSeparator)), SBIN.stream())
        .filter(directory -> !directory.isBlank())
        .map(directory -> Path.of(directory, "clamd"))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "clamd is not installed: ./mvnw verify installs it (bin/test-packages, Debian's"
                        + " clamav-daemon); elsewhere install ClamAV so that clamd is on the PATH"));
  }
}
