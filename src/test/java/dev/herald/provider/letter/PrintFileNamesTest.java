package dev.herald.provider.letter;

import static dev.herald.provider.letter.PrintTestData.batch;
import static dev.herald.provider.letter.PrintTestData.letter;
import static dev.herald.provider.letter.PrintTestData.letters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.print.PrintBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrintFileNamesTest {

  private final PrintBatch batch = batch(7, letters(2, 10));

  @Test
  void usesNotifysPostageCodes() {
    assertThat(
            List.of("first", "second", "economy", "europe", "rest-of-world").stream()
                .map(PrintFileNames::postageCode))
        .containsExactly("1", "2", "ECONOMY", "E", "N");
    assertThatThrownBy(() -> PrintFileNames.postageCode("third"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesAPdfByReferencePostageAndTheRunsDeadlineInUtc() {
    assertThat(PrintFileNames.pdf(batch, letter(1, 10)))
        .isEqualTo("NOTIFY.REF0000000000001.D.2.C.20261105173000.PDF");
  }

  @Test
  void hashesTheJoinedNamesAsNotifyDid() {
    // Python: urlsafe_b64encode(sha512("".join(names).encode()).digest())[:20]
    assertThat(
            PrintFileNames.hash(
                List.of(
                    "NOTIFY.A1B2C3D4E5F6G7H8.D.2.C.20261105173000.PDF",
                    "NOTIFY.ZZZZZZZZZZZZZZZZ.D.2.C.20261105173000.PDF")))
        .isEqualTo("vcoQTnaxINRK85VzPVgn");
  }

  @Test
  void namesAZipByDayPostageSequenceNumberHashAndService() {
    List<String> names = List.of("NOTIFY.REF0000000000001.D.2.C.20261105173000.PDF");
    assertThat(PrintFileNames.zip(batch, 2, names))
        .isEqualTo(
            "NOTIFY.2026-11-05.2.007002.%s.0a1b2c3d-0000-4000-8000-000000000001.ZIP"
                .formatted(PrintFileNames.hash(names)));
    assertThat(PrintFileNames.part(batch, 2))
        .isEqualTo("NOTIFY.2026-11-05.2.007002.0a1b2c3d-0000-4000-8000-000000000001.ZIP.part");
  }

  @Test
  void namesTheSameBatchTheSameEachTime() {
    List<String> names = List.of(PrintFileNames.pdf(batch, letter(1, 10)));
    assertThat(PrintFileNames.zip(batch(7, letters(2, 10)), 1, names))
        .isEqualTo(PrintFileNames.zip(batch, 1, names));
  }
}
