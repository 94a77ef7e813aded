package dev.herald.provider.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.print.PrintIT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole print path by SFTP: Herald configured with the SFTP printer (an Apache MINA SSHD server
 * in the test), the day's run uploads its letters as ZIPs and they are {@code sending}; the
 * printer's receipt file, imported, makes them {@code delivered} or {@code technical-failure}.
 */
@DirtiesContext // the SFTP server stops after this class
class SftpPrintRunIT extends PrintIT {

  private static final TestSftpServer SERVER = start();

  private static TestSftpServer start() {
    try {
      return new TestSftpServer(Files.createTempDirectory("herald-sftp-print")).start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void printer(DynamicPropertyRegistry registry) {
    SftpPrintProperties p = SERVER.properties();
    registry.add("herald.print.sftp.host", p::host);
    registry.add("herald.print.sftp.port", p::port);
    registry.add("herald.print.sftp.username", p::username);
    registry.add("herald.print.sftp.password", () -> TestSftpServer.PASSWORD);
    registry.add("herald.print.sftp.known-host-key", SERVER::knownHostLine);
    registry.add("herald.print.sftp.receipt-poll-interval", () -> "PT1S");
  }

  @AfterAll
  static void stop() throws IOException {
    SERVER.close();
  }

  /** The PDF names in the uploaded ZIPs of this service. */
  private List<String> uploaded() throws IOException {
    List<String> names = new ArrayList<>();
    for (String zip : SERVER.files("print")) {
      if (!zip.endsWith("." + service + ".ZIP")) {
        continue;
      }
      try (InputStream in = Files.newInputStream(SERVER.root().resolve("print").resolve(zip));
          ZipInputStream entries = new ZipInputStream(in)) {
        for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
          names.add(e.getName());
        }
      }
    }
    return names;
  }

  @Test
  void theRunUploadsItsLettersAndThePrintersReceiptsComeBack() throws IOException {
    String sent = sendAt("2026-03-17T09:00:00", liveKey);
    String rejected = sendAt("2026-03-17T09:01:00", liveKey);
    String sentReference = (String) row(sent).get("reference");
    String rejectedReference = (String) row(rejected).get("reference");

    runs.run(LocalDate.parse("2026-03-17")).orElseThrow();
    awaitStatus(sent, "sending");
    awaitStatus(rejected, "sending");
    assertThat(row(sent)).containsEntry("sent_by", "sftp");
    List<String> names = uploaded();
    assertThat(names).contains("MANIFEST.CSV");
    assertThat(names).anyMatch(n -> n.startsWith("NOTIFY." + sentReference + ".D.2.C."));
    assertThat(names).anyMatch(n -> n.startsWith("NOTIFY." + rejectedReference + ".D.2.C."));
    assertThat(SERVER.files("print")).noneMatch(n -> n.endsWith(".part"));

    Path receipts = SERVER.root().resolve("receipts");
    Files.createDirectories(receipts);
    Files.writeString(
        receipts.resolve("NOTIFY-20260318100000-RSP.TXT"),
        sentReference + "|Sent|1|Sorted\n" + rejectedReference + "|Rejected|1|Sorted\n",
        StandardCharsets.UTF_8);
    awaitStatus(sent, "delivered");
    awaitStatus(rejected, "technical-failure");
    await()
        .atMost(MADE)
        .until(
            () -> files(receipts.resolve("processed")).contains("NOTIFY-20260318100000-RSP.TXT"));
  }

  private static List<String> files(Path directory) {
    try {
      return Files.isDirectory(directory)
          ? Files.list(directory).map(p -> p.getFileName().toString()).toList()
          : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
