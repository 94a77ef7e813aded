package dev.herald.provider.letter;

import static dev.herald.provider.letter.PrintLetters.aBatch;
import static dev.herald.provider.letter.PrintLetters.aLetter;
import static dev.herald.provider.letter.PrintLetters.aUkLetter;
import static dev.herald.provider.letter.PrintLetters.withoutPdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.herald.files.ObjectStoreException;
import dev.herald.print.PrintBatch;
import dev.herald.print.PrintException;
import dev.herald.print.PrintLetter;
import dev.herald.testdata.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the print API's answers make of a batch, and how its session token is kept. */
class DvlaPrintProviderTest {

  private final MutableClock clock = new MutableClock();
  private FakeDvla dvla;
  private DvlaPrintProvider provider;

  @BeforeEach
  void start() throws Exception {
    clock.set(Instant.parse("2026-12-02T17:30:00Z"));
    dvla = new FakeDvla();
    provider = PrintLetters.provider(dvla.url(), 1, clock);
  }

  @AfterEach
  void stop() {
    provider.close();
    dvla.close();
  }

  @Test
  void isNamedDvlaAndTakesBatchesOfTheConfiguredSize() {
    assertThat(provider.name()).isEqualTo("dvla");
    assertThat(provider.maxBatchLetters()).isEqualTo(100);
  }

  @Test
  void aConflictMeansDvlaAlreadyHasTheLetter() throws Exception {
    PrintLetter letter = aUkLetter();
    PrintBatch batch = aBatch(letter, aUkLetter());
    provider.send(batch);

    assertThat(provider.send(batch).rejected()).isEmpty();
    assertThat(dvla.printRequests()).hasSize(4);
  }

  @Test
  void aBadRequestRejectsThatLetterAloneWithItsStatusAndNothingOfTheAnswer() throws Exception {
    PrintLetter refused = aUkLetter();
    dvla.answering(request -> request.id().equals(refused.notificationId()) ? 400 : 202);

    PrintBatch batch = aBatch(aUkLetter(), refused, aUkLetter());

    assertThat(provider.send(batch).rejected())
        .isEqualTo(Map.of(refused.notificationId(), "HTTP 400"));
    assertThat(dvla.printRequests()).hasSize(3);
  }

  @Test
  void aLetterWithoutItsPdfIsRejectedWithoutARequest() throws Exception {
    PrintLetter gone = withoutPdf(aUkLetter());

    assertThat(provider.send(aBatch(gone, aUkLetter())).rejected())
        .isEqualTo(Map.of(gone.notificationId(), "no PDF"));
    assertThat(dvla.printRequests()).hasSize(1);
  }

  @Test
  void aServerErrorStopsTheBatchRetryablyAndTheBatchSentAgainIsTaken() throws Exception {
    PrintLetter unlucky = aUkLetter();
    PrintBatch batch = aBatch(aUkLetter(), unlucky, aUkLetter());
    dvla.answering(request -> request.id().equals(unlucky.notificationId()) ? 503 : 202);

    assertThatExceptionOfType(PrintException.class)
        .isThrownBy(() -> provider.send(batch))
        .matches(PrintException::retryable, "retryable")
        .withMessageContaining("HTTP 503");
    // One at a time: the letter after the failure was never asked for.
    assertThat(dvla.printRequests()).hasSize(2);

    dvla.answering(request -> 202);
    assertThat(provider.send(batch).rejected()).isEmpty();
    assertThat(dvla.printRequests()).hasSize(5);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 429, 403, 408})
  void answersThatMayPassLaterAreRetryable(int status) {
    dvla.answering(request -> status);
    assertThatExceptionOfType(PrintException.class)
        .isThrownBy(() -> provider.send(aBatch(aUkLetter())))
        .matches(PrintException::retryable, "retryable")
        .withMessageNotContaining("High Street");
  }

  @Test
  void aRefusedTokenIsForgottenAndTheBatchSentAgainAuthenticatesAfresh() throws Exception {
    dvla.answering(request -> 401);
    PrintBatch batch = aBatch(aUkLetter());
    assertThatExceptionOfType(PrintException.class)
        .isThrownBy(() -> provider.send(batch))
        .matches(PrintException::retryable, "retryable");

    dvla.answering(request -> 202);
    provider.send(batch);

    assertThat(dvla.authentications()).hasSize(2);
    assertThat(dvla.printRequests().getLast().headers().getFirst("Authorization"))
        .isEqualTo(dvla.tokens().get(1));
  }

  @Test
  void theTokenIsKeptUntilAMinuteBeforeItExpires() throws Exception {
    Instant start = clock.instant();
    dvla.expiring(n -> start.plus(Duration.ofMinutes(2 * n)));

    provider.send(aBatch(aUkLetter()));
    clock.advance(Duration.ofSeconds(59));
    provider.send(aBatch(aUkLetter()));
    assertThat(dvla.authentications()).hasSize(1);

    clock.advance(Duration.ofSeconds(1));
    provider.send(aBatch(aUkLetter()));
    assertThat(dvla.authentications()).hasSize(2);
    assertThat(dvla.printRequests().getLast().headers().getFirst("Authorization"))
        .isEqualTo(dvla.tokens().get(1));
  }

  @Test
  void aRefusedAuthenticationIsRetryableAndSendsNoLetter() {
    dvla.answeringAuthentication(401);
    assertThatExceptionOfType(PrintException.class)
        .isThrownBy(() -> provider.send(aBatch(aUkLetter(), aUkLetter())))
        .matches(PrintException::retryable, "retryable")
        .withMessageContaining("authentication");
    assertThat(dvla.printRequests()).isEmpty();
  }

  @Test
  void aPrintApiThatIsDownIsRetryable() {
    URI url = dvla.url();
    dvla.close();
    try (DvlaPrintProvider down = PrintLetters.provider(url, 1, clock)) {
      assertThatExceptionOfType(PrintException.class)
          .isThrownBy(() -> down.send(aBatch(aUkLetter())))
          .matches(PrintException::retryable, "retryable");
    }
  }

  @Test
  void aStoreThatCannotReadAPdfNowFailsTheBatchAsTheStoreDid() {
    PrintLetter letter = aUkLetter();
    PrintLetter unreadable =
        new PrintLetter(
            UUID.randomUUID(),
            letter.reference(),
            "second",
            1,
            letter.address(),
            false,
            () -> {
              throw new ObjectStoreException("letters/2026-12-02/x/rendered.pdf timed out", null);
            });

    assertThatExceptionOfType(ObjectStoreException.class)
        .isThrownBy(() -> provider.send(aBatch(unreadable, aUkLetter())));
    assertThat(dvla.printRequests()).isEmpty();
  }

  @Test
  void lettersOfABatchAreRequestedConcurrencyAtATime() throws Exception {
    dvla.holdingUntilInFlight(3);
    try (DvlaPrintProvider three = PrintLetters.provider(dvla.url(), 3, clock)) {
      PrintLetter[] letters =
          Stream.generate(PrintLetters::aUkLetter).limit(9).toArray(PrintLetter[]::new);

      assertThat(three.send(aBatch(letters)).rejected()).isEmpty();
    }
    assertThat(dvla.printRequests()).hasSize(9);
    assertThat(dvla.mostInFlight()).isEqualTo(3);
  }

  @Test
  void anAddressTooShortToPrintIsRejected() throws Exception {
    PrintLetter shortOne = aLetter("second", "Ms A Person", "SW1A 1AA");
    assertThat(provider.send(aBatch(shortOne)).rejected())
        .isEqualTo(
            Map.of(shortOne.notificationId(), "address not printable: not-enough-address-lines"));
    assertThat(dvla.printRequests()).isEmpty();
  }
}
