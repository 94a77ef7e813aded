package dev.herald.provider.letter;

import static dev.herald.notification.NotificationStatus.DELIVERED;
import static dev.herald.notification.NotificationStatus.TECHNICAL_FAILURE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.print.PrintReceipt;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ResponseFileTest {

  private static final Instant NOW = Instant.parse("2026-11-07T09:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/London"));

  @Test
  void readsEachLineAtTheFilesTime() {
    ResponseFile file =
        ResponseFile.parse(
            "sftp",
            "NOTIFY-20261106143000-RSP.TXT",
            "REF0000000000001|Sent|2|Sorted\r\nref0000000000002|SENT|1|Unsorted\n"
                + "REF0000000000003|Rejected|1|Unsorted\n",
            clock);

    Instant at = Instant.parse("2026-11-06T14:30:00Z");
    assertThat(file.receipts())
        .containsExactly(
            new PrintReceipt("sftp", "REF0000000000001", DELIVERED, at),
            new PrintReceipt("sftp", "REF0000000000002", DELIVERED, at),
            new PrintReceipt("sftp", "REF0000000000003", TECHNICAL_FAILURE, at));
    assertThat(file.badLines()).isEmpty();
  }

  @Test
  void countsBadLinesByNumberAndReadsOn() {
    ResponseFile file =
        ResponseFile.parse(
            "sftp",
            "NOTIFY-20261106143000-RSP.TXT",
            "REF0000000000001|Sent|2\n\nSHORT|Sent|1|Sorted\nREF0000000000004|Sent|1|Sorted\n"
                + "REF0000000000005|Sent|1|Sorted|extra\n",
            clock);

    assertThat(file.receipts())
        .extracting(PrintReceipt::reference)
        .containsExactly("REF0000000000004");
    assertThat(file.badLines()).containsExactly(1, 3, 5);
  }

  @Test
  void takesTheClocksTimeWhenTheNameCarriesNone() {
    assertThat(
            ResponseFile.parse("sftp", "late-RSP.TXT", "REF0000000000001|Sent|2|Sorted", clock)
                .receipts())
        .extracting(PrintReceipt::at)
        .containsExactly(NOW);
    assertThat(
            ResponseFile.parse(
                    "sftp",
                    "NOTIFY-20261399999999-RSP.TXT",
                    "REF0000000000001|Sent|2|Sorted",
                    clock)
                .receipts())
        .extracting(PrintReceipt::at)
        .containsExactly(NOW);
  }

  @Test
  void knowsAResponseFileByItsEnding() {
    assertThat(ResponseFile.isResponse("NOTIFY-20261106143000-RSP.TXT")).isTrue();
    assertThat(ResponseFile.isResponse("notify-20261106143000-rsp.txt")).isTrue();
    assertThat(ResponseFile.isResponse("NOTIFY.ACK.txt")).isFalse();
  }
}
