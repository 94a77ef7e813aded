package dev.herald.bench;

import dev.herald.testdata.Herald;
import dev.herald.testdata.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Letters through Herald as a team sends them: {@code POST /v2/notifications/letter} at a steady
 * rate for the intake window, each letter's PDF made by the letter-pdf task and stored in the
 * default file store, while the intake benchmark's email clients send. Reports the letters made per
 * second in the window and the backlog left, beside the email intake alone and during.
 */
final class LetterPipeline {

  record Figures(
      long sent, long madeInWindow, double windowSeconds, long backlogAtEnd, double drainSeconds) {

    double madePerSecond() {
      return madeInWindow / windowSeconds;
    }
  }

  private final ConfigurableApplicationContext context;
  private final JdbcClient jdbc;
  private final Herald herald;
  private final String key;
  private final UUID template;

  LetterPipeline(ConfigurableApplicationContext context, JdbcClient jdbc, Path dataDir) {
    this.context = context;
    this.jdbc = jdbc;
    this.herald = new Herald(new Http(HeraldInProcess.port(context)), dataDir);
    // No per-minute limit in the way: the email clients' own service has none either.
    UUID service =
        herald.service(
            Map.of(
                "name",
                "Letters " + UUID.randomUUID(),
                "restricted",
                false,
                "permissions",
                List.of("letter"),
                "rate_limit",
                1_000_000_000,
                "letter_message_limit",
                1_000_000_000));
    this.key = herald.key(service, "normal");
    this.template =
        herald.letterTemplate(
            service, "second", LetterBenchmark.twoPageBody(), LetterBenchmark.CONTACT_BLOCK);
  }

  /** The two-page letter's PDF made once through the pipeline, to check its pages. */
  int pagesOfOne() {
    return pagesOf(madeOne());
  }

  /** One two-page letter sent and its PDF made and stored; answers its id. */
  UUID madeOne() {
    UUID id = UUID.fromString(send());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (pagesOf(id) != null) {
        return id;
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException("the first letter was not made in 60 s");
  }

  private Integer pagesOf(UUID id) {
    return jdbc.sql("SELECT page_count FROM notifications WHERE id = :id")
        .param("id", id)
        .query(Integer.class)
        .optional()
        .orElse(null);
  }

  /** Sends {@code perSecond} letters a second from {@code clients} threads for {@code time}. */
  Figures run(double perSecond, int clients, Duration time) throws InterruptedException {
    long before = made();
    AtomicLong sent = new AtomicLong();
    long began = System.nanoTime();
    long end = began + time.toNanos();
    long interval = (long) (1e9 * clients / perSecond);
    List<Thread> senders = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      long offset = interval * c / clients;
      senders.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (long next = began + offset; next < end; next += interval) {
                      while (System.nanoTime() < next) {
                        Thread.onSpinWait();
                      }
                      send();
                      sent.incrementAndGet();
                    }
                  }));
    }
    for (Thread sender : senders) {
      sender.join();
    }
    double window = (System.nanoTime() - began) / 1e9;
    long madeInWindow = made() - before;
    long backlog = sent.get() - madeInWindow;
    long drainBegan = System.nanoTime();
    while (made() - before < sent.get()) {
      Thread.sleep(50);
    }
    return new Figures(
        sent.get(), madeInWindow, window, backlog, (System.nanoTime() - drainBegan) / 1e9);
  }

  private String send() {
    return herald.sendLetter(
        key,
        template,
        Map.of(
            "address_line_1", "Ms A Smith",
            "address_line_2", "1 High Street",
            "address_line_3", "Leeds",
            "postcode", "LS1 1AA",
            "thing", "application"));
  }

  private long made() {
    return jdbc.sql(
            """
            SELECT count(*) FROM notifications
             WHERE template_id = :template AND page_count IS NOT NULL
            """)
        .param("template", template)
        .query(Long.class)
        .single();
  }
}
