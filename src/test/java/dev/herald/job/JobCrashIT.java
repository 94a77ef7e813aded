package dev.herald.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.herald.testdata.Herald;
import dev.herald.testdata.HeraldProcess;
import dev.herald.testdata.Http;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Herald as its own process, killed with SIGKILL while it turns a job of 20,000 rows into
 * notifications, then started again on the same data: the job resumes and finishes, every row is
 * exactly one notification, every one is delivered, and no more emails go out twice than the
 * delivery threads could hold at the kill.
 */
class JobCrashIT {

  private static final int ROWS = 20_000;
  private static final String ADMIN_TOKEN = "job-crash-test-admin-token";

  /** Small batches, so that the job is still being stored when the test kills Herald. */
  private static final int BATCH_ROWS = 200;

  /** {@code herald.delivery.threads}: the most deliveries one Herald runs at once. */
  private static final int DELIVERY_THREADS = 512;

  private GreenMail smtp;
  private Path dataDir;
  private HeraldProcess herald;

  @BeforeEach
  void start() throws IOException {
    Awaitility.doNotCatchUncaughtExceptionsByDefault();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    dataDir = Files.createTempDirectory("herald-job-crash-");
    herald =
        new HeraldProcess(
            freePort(),
            dataDir,
            Path.of("target", "job-crash-test"),
            List.of(
                "--herald.smtp.host=127.0.0.1",
                "--herald.smtp.port=" + smtp.getSmtp().getPort(),
                "--herald.admin-token=" + ADMIN_TOKEN,
                "--herald.jobs.batch-rows=" + BATCH_ROWS,
                // GreenMail takes tens of milliseconds a message: 4 connections took minutes, and
                // on a loaded machine a wait for one could pass the default 10 s, which counts as a
                // failed attempt and backs off.
                "--herald.smtp.max-connections=16",
                "--herald.smtp.timeout=60s"));
  }

  @AfterEach
  void stop() throws Exception {
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
  void aJobKilledMidWayResumesAndEveryRowIsOneNotificationDeliveredOnce() throws Exception {
    herald.start(Duration.ofMinutes(2));
    Http http = new Http(herald.port());
    Herald admin = new Herald(http, ADMIN_TOKEN);
    UUID service =
        admin.service(
            Map.of(
                "name",
                "Job crash test " + UUID.randomUUID(),
                "restricted",
                false,
                "permissions",
                List.of("email"),
                "email_message_limit",
                10_000_000));
    UUID template = admin.template(service, "email", "Row ((row))", "Hello, row ((row)).");
    StringBuilder csv = new StringBuilder("email address,row\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append("row-").append(i).append("@example.gov.uk,").append(i).append('\n');
    }
    UUID job =
        admin.job(service, template, "rows.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    String jobPath = "/admin/services/" + service + "/jobs/" + job;

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> admin.adminOk("GET", jobPath, null).at("/data/notifications_created").asInt(),
            created -> created >= ROWS / 5);
    herald.kill();
    int storedAtKill = stored(job);
    int receivedAtKill = smtp.getReceivedMessages().length;

    herald.start(Duration.ofMinutes(2));
    // The killed instance's claim on the job's task lapses after 6 missed heartbeats (60 s).
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> admin.adminOk("GET", jobPath, null).at("/data/job_status").asString(),
            "finished all notifications created"::equals);
    await()
        .atMost(Duration.ofMinutes(8))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> delivered(job) == ROWS);

    Map<UUID, Integer> received = receivedByNotification();
    int messages = received.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf(
        "Job crash test: %,d rows, killed with %,d stored and %,d emails received;"
            + " after restart %,d stored (%,d distinct rows), %,d emails for %,d notifications%n",
        ROWS,
        storedAtKill,
        receivedAtKill,
        stored(job),
        distinctRows(job),
        messages,
        received.size());

    assertThat(storedAtKill).as("the kill came while the job was being stored").isLessThan(ROWS);
    assertThat(storedAtKill % BATCH_ROWS).as("whole batches only").isZero();
    assertThat(stored(job)).isEqualTo(ROWS);
    assertThat(distinctRows(job)).isEqualTo(ROWS);
    assertThat(admin.adminOk("GET", jobPath, null).at("/data/notifications_created").asInt())
        .isEqualTo(ROWS);
    assertThat(received).hasSize(ROWS);
    assertThat(messages - received.size()).isLessThanOrEqualTo(DELIVERY_THREADS);
  }

  private int stored(UUID job) throws SQLException, IOException {
    return count("SELECT count(*) FROM notifications WHERE job_id = ?", job);
  }

  private int distinctRows(UUID job) throws SQLException, IOException {
    return count(
        "SELECT count(DISTINCT job_row_number) FROM notifications WHERE job_id = ?"
            + " AND job_row_number BETWEEN 0 AND "
            + (ROWS - 1),
        job);
  }

  private int delivered(UUID job) throws SQLException, IOException {
    return count(
        "SELECT count(*) FROM notifications WHERE job_id = ? AND status = 'delivered'", job);
  }

  private int count(String sql, UUID job) throws SQLException, IOException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + herald.databasePort() + "/postgres",
                "postgres",
                "");
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, job);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  private Map<UUID, Integer> receivedByNotification() throws MessagingException {
    Map<UUID, Integer> received = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      String messageId = message.getMessageID();
      received.merge(
          UUID.fromString(messageId.substring(1, messageId.indexOf('@'))), 1, Integer::sum);
    }
    return received;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
