package dev.herald.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 store when S3 is out of reach: a retryable failure within its timeouts, then back. */
class S3ObjectStoreOutageTest {

  private static final Duration CALL = Duration.ofSeconds(2);
  private static final Duration ATTEMPT = Duration.ofMillis(500);
  private static final byte[] LETTER = "Dear resident".getBytes(StandardCharsets.UTF_8);

  private static S3Server server;

  @BeforeAll
  static void startServer() {
    server = S3Server.started();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void failsWhileTheServerIsDownAndWorksAgainWithNothingLostOnceItIsBack() {
    String bucket = server.newBucket();
    try (var store =
        new S3ObjectStore(S3Clients.of(server.settings(bucket, CALL, ATTEMPT)), bucket, true)) {
      store.put("letters/kept.pdf", LETTER);

      server.stop();
      assertFailsWithin(CALL, () -> store.put("letters/new.pdf", LETTER));
      assertFailsWithin(CALL, () -> store.get("letters/kept.pdf"));
      assertFailsWithin(CALL, () -> store.open("letters/kept.pdf"));
      assertFailsWithin(CALL, () -> store.deleteFolder("letters"));
      assertFailsWithin(CALL, () -> store.list("letters/"));

      server.start();
      assertThat(store.get("letters/kept.pdf")).hasValue(LETTER);
      store.put("letters/new.pdf", LETTER);
      assertThat(store.list("letters/")).containsExactly("letters/kept.pdf", "letters/new.pdf");
    }
  }

  @Test
  void aServerThatNeverAnswersFailsWithinTheCallTimeout() throws Exception {
    // The kernel completes the connection from the backlog; nothing ever reads or answers.
    try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort());
      var settings =
          new FilesProperties.S3(
              "silent", endpoint, "eu-west-2", true, "k", "s", true, CALL, ATTEMPT);
      try (var store = new S3ObjectStore(S3Clients.of(settings), "silent", true)) {
        long started = System.nanoTime();
        assertFailsWithin(CALL, () -> store.put("letters/a.pdf", LETTER));
        assertThat(Duration.ofNanos(System.nanoTime() - started))
            .as("it waited for an answer")
            .isGreaterThanOrEqualTo(ATTEMPT);
      }
    }
  }

  /**
   * Fails with a retryable store failure that names no content, within the timeout and a margin.
   */
  private static void assertFailsWithin(Duration timeout, ThrowingCallable call) {
    long started = System.nanoTime();
    assertThatThrownBy(call)
        .isInstanceOf(ObjectStoreException.class)
        .hasMessageContaining("S3 bucket")
        .hasMessageNotContaining("Dear resident");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(timeout.plusSeconds(1));
  }
}
