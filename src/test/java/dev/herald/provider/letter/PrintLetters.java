package dev.herald.provider.letter;

import dev.herald.print.PrintBatch;
import dev.herald.print.PrintLetter;
import dev.herald.support.SecretBox;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Letters, batches and a provider for the print API tests. */
final class PrintLetters {

  static final ObjectMapper JSON = JsonMapper.builder().build();
  static final byte[] PDF = "%PDF-1.7 a letter".getBytes(StandardCharsets.US_ASCII);
  static final UUID SERVICE = UUID.fromString("0a0b0c0d-1111-4222-8333-444455556666");
  static final PrintCallbackTokens TOKENS =
      new PrintCallbackTokens(SecretBox.withKey(new byte[32]));
  static final URI CALLBACK = URI.create("https://herald.example/");
  private static final Set<String> INTERNATIONAL = Set.of("europe", "rest-of-world");

  private PrintLetters() {}

  static PrintLetter aLetter(String postage, String... address) {
    return new PrintLetter(
        UUID.randomUUID(),
        reference(),
        postage,
        1,
        List.of(address),
        INTERNATIONAL.contains(postage),
        () -> Optional.of(PDF));
  }

  static PrintLetter aUkLetter() {
    return aLetter("second", "Ms A Person", "1 High Street", "London", "SW1A 1AA");
  }

  static PrintLetter withoutPdf(PrintLetter letter) {
    return new PrintLetter(
        letter.notificationId(),
        letter.reference(),
        letter.postage(),
        letter.sheets(),
        letter.address(),
        letter.international(),
        Optional::empty);
  }

  static PrintBatch aBatch(PrintLetter... letters) {
    return new PrintBatch(
        UUID.randomUUID(),
        LocalDate.of(2026, 12, 2),
        Instant.parse("2026-12-02T17:30:00Z"),
        1,
        SERVICE,
        letters[0].postage(),
        List.of(letters));
  }

  static DvlaPrintProperties properties(URI url, int concurrency) {
    return new DvlaPrintProperties(
        url,
        "herald",
        "pass word",
        "the-api-key",
        CALLBACK,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        concurrency,
        100);
  }

  static DvlaPrintProvider provider(URI url, int concurrency, Clock clock) {
    return new DvlaPrintProvider(properties(url, concurrency), TOKENS, JSON, clock);
  }

  private static String reference() {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    StringBuilder reference = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      reference.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return reference.toString();
  }
}
