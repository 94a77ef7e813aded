package dev.herald.provider.letter;

import static dev.herald.notification.NotificationStatus.DELIVERED;
import static dev.herald.notification.NotificationStatus.TECHNICAL_FAILURE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.print.PrintReceipt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SftpReceiptImportIT {

  private static final Instant NOW = Instant.parse("2026-11-07T09:00:00Z");

  @TempDir Path root;
  private TestSftpServer server;
  private SftpSessions sessions;
  private final RecordingPrintReceipts receipts = new RecordingPrintReceipts();
  private SftpReceiptImport receiptImport;

  @BeforeEach
  void start() throws Exception {
    server = new TestSftpServer(root).start();
    SftpPrintProperties properties = server.properties();
    sessions = new SftpSessions(properties);
    receiptImport =
        new SftpReceiptImport(
            properties, sessions, receipts, "sftp", Clock.fixed(NOW, ZoneId.of("Europe/London")));
    Files.createDirectories(root.resolve("receipts"));
  }

  @AfterEach
  void stop() throws IOException {
    sessions.close();
    server.close();
  }

  @Test
  void appliesTheGoodLinesOfEachFileAndMovesItToProcessed() throws Exception {
    write(
        "NOTIFY-20261106143000-RSP.TXT",
        "REF0000000000001|Sent|2|Sorted\nnot a receipt\nREF0000000000002|Rejected|1|Unsorted\n");
    write("NOTIFY-20261106150000-RSP.TXT", "REF0000000000003|Sent|1|Unsorted\n");
    write("NOTIFY.ACK.TXT", "not for Herald");

    assertThat(receiptImport.run()).isEqualTo(2);

    Instant first = Instant.parse("2026-11-06T14:30:00Z");
    assertThat(receipts.applied())
        .containsExactlyInAnyOrder(
            new PrintReceipt("sftp", "REF0000000000001", DELIVERED, first),
            new PrintReceipt("sftp", "REF0000000000002", TECHNICAL_FAILURE, first),
            new PrintReceipt(
                "sftp", "REF0000000000003", DELIVERED, Instant.parse("2026-11-06T15:00:00Z")));
    assertThat(server.files("receipts")).containsExactly("NOTIFY.ACK.TXT");
    assertThat(server.files("receipts/processed"))
        .containsExactly("NOTIFY-20261106143000-RSP.TXT", "NOTIFY-20261106150000-RSP.TXT");
  }

  @Test
  void aSecondPollAppliesNothing() throws Exception {
    write("NOTIFY-20261106143000-RSP.TXT", "REF0000000000001|Sent|2|Sorted\n");
    receiptImport.run();

    assertThat(receiptImport.run()).isZero();

    assertThat(receipts.applied()).hasSize(1);
  }

  @Test
  void aFileSentAgainReplacesItsProcessedCopy() throws Exception {
    write("NOTIFY-20261106143000-RSP.TXT", "REF0000000000001|Sent|2|Sorted\n");
    receiptImport.run();
    write("NOTIFY-20261106143000-RSP.TXT", "REF0000000000001|Sent|2|Sorted\n");

    assertThat(receiptImport.run()).isEqualTo(1);

    assertThat(server.files("receipts")).isEmpty();
    assertThat(server.files("receipts/processed")).containsExactly("NOTIFY-20261106143000-RSP.TXT");
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(root.resolve("receipts").resolve(name), content);
  }
}
