package dev.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.herald.testdata.Herald;
import dev.herald.testdata.HeraldProcess;
import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Herald as its own process, killed with SIGKILL while it takes and delivers 20,000 emails, then
 * started again on the same data: every accepted notification ends delivered, and no more emails go
 * out twice than the delivery threads held at the kill.
 */
class CrashRecoveryIT {

  private static final int NOTIFICATIONS = 20_000;
  private static final int KILL_AFTER = NOTIFICATIONS * 2 / 5;
  private static final int CLIENTS = 4;
  private static final String ADMIN_TOKEN = "crash-test-admin-token";
  private static final Set<String> FINAL =
      Set.of("delivered", "permanent-failure", "temporary-failure", "technical-failure");

  private GreenMail smtp;
  private Path dataDir;
  private HeraldProcess herald;

  @BeforeEach
  void startProviderAndPrepareHerald() throws IOException {
    // The kill resets the SMTP connections Herald had open; GreenMail's handler threads then die
    // with an uncaught exception, which Awaitility would otherwise report as this test's failure.
    Awaitility.doNotCatchUncaughtExceptionsByDefault();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    dataDir = Files.createTempDirectory("herald-crash-");
    herald =
        new HeraldProcess(
            freePort(),
            dataDir,
            Path.of("target", "crash-test"),
            List.of(
                "--herald.smtp.host=127.0.0.1",
                "--herald.smtp.port=" + smtp.getSmtp().getPort(),
                "--herald.admin-token=" + ADMIN_TOKEN,
                // GreenMail takes tens of milliseconds a message: 4 connections took minutes.
                "--herald.smtp.max-connections=16"));
  }

  @AfterEach
  void stopEverything() throws Exception {
    Awaitility.reset();
    herald.stop();
    smtp.stop();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @Test
  void deliversEveryAcceptedNotificationAfterAKillAndRestart() throws Exception {
    long begun = System.nanoTime();
    herald.start(Duration.ofMinutes(2));
    Http http = new Http(herald.port());
    CrashClients senders =
        CrashClients.sending(NOTIFICATIONS, http, liveService(new Herald(http, ADMIN_TOKEN)));
    senders.start(CLIENTS);

    await().atMost(Duration.ofMinutes(5)).until(() -> senders.accepted().size() >= KILL_AFTER);
    senders.expectOutage();
    herald.kill();
    int acceptedAtKill = senders.accepted().size();
    int receivedAtKill = smtp.getReceivedMessages().length;
    CrashDatabase.Queue atKill = CrashDatabase.queue(herald.databasePort());
    long killedAt = System.nanoTime();

    herald.start(Duration.ofMinutes(2));
    long restartedAt = System.nanoTime();
    senders.outageOver();
    senders.awaitDone(Duration.ofMinutes(5));
    long intakeDoneAt = System.nanoTime();

    List<UUID> accepted = List.copyOf(senders.accepted());
    awaitAllFinal(accepted, Duration.ofMinutes(5));
    long finalAt = System.nanoTime();

    Map<String, Long> statuses = CrashDatabase.statuses(herald.databasePort(), accepted);
    // A row the killed instance held is claimed again once its lease lapses; if the killed run
    // had handed it over, the new claim finds nothing to do: the queue drains after the rest.
    await()
        .atMost(Duration.ofMinutes(4))
        .until(() -> CrashDatabase.queue(herald.databasePort()).queued() == 0);
    CrashDatabase.Queue queueAfter = CrashDatabase.queue(herald.databasePort());
    Map<UUID, Integer> received = receivedByNotification();
    int messages = received.values().stream().mapToInt(Integer::intValue).sum();
    int duplicates = messages - received.size();
    long lost = accepted.size() - finalCount(statuses);
    long neverReceived = accepted.stream().filter(id -> !received.containsKey(id)).count();
    int bound = deliveryThreads();

    System.out.printf(
        """
        Crash test: %,d notifications, %d client threads, SIGKILL after %,d accepted
          at the kill: %,d accepted, %,d emails received, queue %s
          requests unanswered while Herald was down or dying: %,d (not accepted, sent again)
          refused requests by status: %s
          accepted %,d, final %,d %s, lost %,d
          emails received %,d, distinct notifications %,d, duplicates %,d (bound: %d threads)
          accepted but never received: %,d; received without an answer to the client: %,d
          delivery queue left: %s
          timings: up and first %,d accepted %.1f s, down %.1f s, rest of intake %.1f s,
                   all final %.1f s after intake, total %.1f s
        """,
        NOTIFICATIONS,
        CLIENTS,
        KILL_AFTER,
        acceptedAtKill,
        receivedAtKill,
        atKill,
        senders.unanswered(),
        senders.refused(),
        accepted.size(),
        finalCount(statuses),
        statuses,
        lost,
        messages,
        received.size(),
        duplicates,
        bound,
        neverReceived,
        received.keySet().stream().filter(id -> !senders.accepted().contains(id)).count(),
        queueAfter,
        KILL_AFTER,
        seconds(begun, killedAt),
        seconds(killedAt, restartedAt),
        seconds(restartedAt, intakeDoneAt),
        seconds(intakeDoneAt, finalAt),
        seconds(begun, finalAt));

    assertThat(accepted).hasSize(NOTIFICATIONS).doesNotHaveDuplicates();
    assertThat(acceptedAtKill).isLessThan(NOTIFICATIONS);
    assertThat(receivedAtKill).as("delivery was under way at the kill").isPositive();
    assertThat(lost).isZero();
    assertThat(statuses).containsOnlyKeys("delivered");
    assertThat(neverReceived).isZero();
    assertThat(duplicates).isLessThanOrEqualTo(bound);
    assertThat(queueAfter.queued()).isZero();
    sampleThroughTheApi(http, senders.key(), accepted);
  }

  /** Waits for every notification to reach a final status; the assertions report if not. */
  private void awaitAllFinal(List<UUID> accepted, Duration timeout) {
    try {
      await()
          .atMost(timeout)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  finalCount(CrashDatabase.statuses(herald.databasePort(), accepted))
                      == accepted.size());
    } catch (ConditionTimeoutException e) {
      System.out.println("Not all final within " + timeout);
    }
  }

  private static void sampleThroughTheApi(Http http, String key, List<UUID> accepted) {
    for (int i = 0; i < accepted.size(); i += accepted.size() / 50) {
      Http.Response r =
          http.send("GET", "/v2/notifications/" + accepted.get(i), Tokens.bearer(key), null);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().get("status").asString()).isEqualTo("delivered");
    }
  }

  /** A key and an email template of a live service whose limits the test cannot reach. */
  private static CrashClients.Sending liveService(Herald admin) {
    UUID service =
        admin.service(
            Map.of(
                "name",
                "Crash test " + UUID.randomUUID(),
                "restricted",
                false,
                "permissions",
                List.of("email"),
                "rate_limit",
                100_000_000,
                "email_message_limit",
                10_000_000));
    UUID template = admin.template(service, "email", "Crash test", "Still here?");
    return new CrashClients.Sending(admin.key(service, "normal"), template);
  }

  private Map<UUID, Integer> receivedByNotification() throws MessagingException {
    Map<UUID, Integer> received = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      String messageId = message.getMessageID();
      UUID id = UUID.fromString(messageId.substring(1, messageId.indexOf('@')));
      received.merge(id, 1, Integer::sum);
    }
    return received;
  }

  private static long finalCount(Map<String, Long> statuses) {
    return statuses.entrySet().stream()
        .filter(e -> FINAL.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The most deliveries one Herald runs at once: {@code herald.delivery.threads}. */
  @SuppressWarnings("unchecked")
  private static int deliveryThreads() throws IOException {
    try (InputStream in = CrashRecoveryIT.class.getResourceAsStream("/application.yml")) {
      Map<String, Object> yml = new Yaml().load(in);
      Map<String, Object> herald = (Map<String, Object>) yml.get("herald");
      return (Integer) ((Map<String, Object>) herald.get("delivery")).get("threads");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }
}
