package dev.herald.provider.letter;

import dev.herald.print.PrintBatch;
import dev.herald.print.PrintException;
import dev.herald.print.PrintLetter;
import dev.herald.print.PrintOutcome;
import dev.herald.print.PrintProvider;
import dev.herald.provider.letter.DvlaAddress.UnprintableAddressException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Hands letters to a print API in DVLA's shape, one request a letter, {@code concurrency} at a
 * time. A 2xx or a 409 (DVLA already has the letter: the batch is being handed over again) means
 * taken; a 400 or other refusal rejects that letter alone; anything that may pass later (5xx, 429,
 * 401, 403, no answer) stops the batch, and {@link #send} fails retryably once the letters in
 * flight are answered.
 */
final class DvlaPrintProvider implements PrintProvider, AutoCloseable {

  static final String NAME = "dvla";

  private static final Logger log = LoggerFactory.getLogger(DvlaPrintProvider.class);

  private final DvlaPrintProperties properties;
  private final PrintCallbackTokens tokens;
  private final ObjectMapper json;
  private final HttpClient client;
  private final DvlaAuthentication authentication;

  DvlaPrintProvider(
      DvlaPrintProperties properties, PrintCallbackTokens tokens, ObjectMapper json, Clock clock) {
    this.properties = properties;
    this.tokens = tokens;
    this.json = json;
    this.client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    this.authentication = new DvlaAuthentication(properties, client, json, clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int maxBatchLetters() {
    return properties.batchSize();
  }

  @Override
  public PrintOutcome send(PrintBatch batch) throws PrintException {
    AtomicBoolean stopped = new AtomicBoolean();
    List<Callable<Answer>> tasks =
        batch.letters().stream()
            .<Callable<Answer>>map(letter -> () -> attempt(letter, batch.serviceId(), stopped))
            .toList();
    List<Future<Answer>> answers;
    try (ExecutorService executor =
        Executors.newFixedThreadPool(
            properties.concurrency(), Thread.ofVirtual().name("dvla-print-", 0).factory())) {
      answers = executor.invokeAll(tasks);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrintException("Interrupted while handing batch " + batch.id() + " to DVLA", true);
    }
    return outcome(batch, answers.stream().map(Future::resultNow).toList());
  }

  /** What DVLA made of one letter; {@code failure} stops the batch. */
  private record Answer(String rejection, Exception failure, boolean tried) {

    static final Answer TAKEN = new Answer(null, null, true);
    static final Answer NOT_TRIED = new Answer(null, null, false);
  }

  private Answer attempt(PrintLetter letter, UUID serviceId, AtomicBoolean stopped) {
    if (stopped.get()) {
      return Answer.NOT_TRIED;
    }
    try {
      return print(letter, serviceId);
    } catch (PrintException | RuntimeException e) {
      stopped.set(true);
      return new Answer(null, e, true);
    }
  }

  private Answer print(PrintLetter letter, UUID serviceId) throws PrintException {
    Optional<byte[]> pdf = letter.pdf().get();
    if (pdf.isEmpty()) {
      return new Answer("no PDF", null, true);
    }
    DvlaAddress address;
    try {
      address = DvlaAddress.of(letter);
    } catch (UnprintableAddressException e) {
      return new Answer(e.getMessage(), null, true);
    }
    String callback = properties.callbackTarget(tokens.sign(letter.notificationId()));
    byte[] body =
        json.writeValueAsBytes(DvlaPrintJob.body(letter, serviceId, address, pdf.get(), callback));
    String token = authentication.token();
    HttpResponse<byte[]> response =
        DvlaHttp.send(client, request(token, body), "take letter " + letter.notificationId());
    return answer(letter, token, response.statusCode());
  }

  private HttpRequest request(String token, byte[] body) {
    return HttpRequest.newBuilder(properties.endpoint("/print-request/v1/print/jobs"))
        .timeout(properties.readTimeout())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", token)
        .header("X-API-Key", properties.apiKey())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /** The answer's body is never read into a message: DVLA's errors may quote the address. */
  private Answer answer(PrintLetter letter, String token, int status) throws PrintException {
    UUID id = letter.notificationId();
    if (status / 100 == 2) {
      return Answer.TAKEN;
    }
    if (status == 409) {
      log.info("DVLA already had letter {}: taken", id);
      return Answer.TAKEN;
    }
    if (status == 401) {
      authentication.forget(token);
    }
    if (status == 429) {
      log.warn("DVLA rate limited letter {}", id);
    }
    if (status == 401 || status == 403 || status == 408 || status == 429 || status >= 500) {
      throw new PrintException("DVLA answered letter " + id + " with HTTP " + status, true);
    }
    log.warn("DVLA refused letter {} with HTTP {}", id, status);
    return new Answer("HTTP " + status, null, true);
  }

  private PrintOutcome outcome(PrintBatch batch, List<Answer> answers) throws PrintException {
    Map<UUID, String> rejected = new LinkedHashMap<>();
    Exception failure = null;
    int taken = 0;
    for (int i = 0; i < answers.size(); i++) {
      Answer answer = answers.get(i);
      if (answer.failure() != null) {
        failure = failure == null ? answer.failure() : failure;
      } else if (answer.rejection() != null) {
        rejected.put(batch.letters().get(i).notificationId(), answer.rejection());
      } else if (answer.tried()) {
        taken++;
      }
    }
    log.info(
        "DVLA took {} of the {} letters of batch {}, refused {}{}",
        taken,
        answers.size(),
        batch.id(),
        rejected.size(),
        failure == null ? "" : ", and stopped: " + stopReason(failure));
    if (failure instanceof PrintException e) {
      throw e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    return new PrintOutcome(rejected);
  }

  /** A print failure's own message; another exception's may quote what it read, so its type. */
  private static String stopReason(Exception failure) {
    return failure instanceof PrintException ? failure.getMessage() : failure.getClass().getName();
  }

  @Override
  public void close() {
    client.close();
  }
}
