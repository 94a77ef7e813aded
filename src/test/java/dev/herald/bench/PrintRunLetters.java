package dev.herald.bench;

import dev.herald.letter.LetterFiles;
import dev.herald.letter.LetterTimings;
import dev.herald.support.Sql;
import dev.herald.support.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A print run's letters made for the benchmark (not measured): one real two-page letter sent
 * through Herald and its PDF made, then copied {@code letters} times by SQL ({@code INSERT …
 * SELECT} over {@code generate_series}: {@code created}, key type {@code normal}, made from 08:00
 * to 17:00 London on the run day, the real letter's expiry day, pages and sheets), each copy's
 * {@code rendered.pdf} a hard link to a copy of the real letter's file in the file store (one copy
 * for every {@value #LINKS_PER_COPY} letters).
 */
final class PrintRunLetters {

  /** What was made: the run's day and service, and the PDF every letter has. */
  record Made(UUID service, LocalDate runDay, int letters, int pages, int sheets, byte[] pdf) {

    Instant deadline() {
      return LetterTimings.printDeadline(runDay);
    }
  }

  private static final LocalTime FIRST = LocalTime.of(8, 0);
  private static final Duration SPREAD = Duration.ofHours(9);

  /** A file system limits a file's links (ext4 to 65,000): a new copy every so many letters. */
  private static final int LINKS_PER_COPY = 10_000;

  private PrintRunLetters() {}

  /** The working day before today (London), so that its deadline is past on the system clock. */
  static LocalDate lastRunDay() {
    LocalDate day = Timestamps.londonDate(Instant.now()).minusDays(1);
    while (!LetterTimings.isPrintDay(day)) {
      day = day.minusDays(1);
    }
    return day;
  }

  static Made make(
      ConfigurableApplicationContext context,
      JdbcClient jdbc,
      Path dataDir,
      int letters,
      LocalDate runDay)
      throws IOException {
    long began = System.nanoTime();
    UUID sample = new LetterPipeline(context, jdbc, dataDir).madeOne();
    Sample s =
        jdbc.sql(
                """
                SELECT service_id, expires_on, page_count, billable_units FROM notifications
                 WHERE id = :id
                """)
            .param("id", sample)
            .query(
                (rs, i) ->
                    new Sample(
                        rs.getObject("service_id", UUID.class),
                        rs.getObject("expires_on", LocalDate.class),
                        rs.getInt("page_count"),
                        rs.getInt("billable_units")))
            .single();
    Path pdf = rendered(dataDir, s.expiresOn(), sample);
    List<UUID> ids = copies(jdbc, sample, s.expiresOn(), letters, runDay);
    Path source = pdf;
    for (int i = 0; i < ids.size(); i++) {
      Path file = rendered(dataDir, s.expiresOn(), ids.get(i));
      Files.createDirectories(file.getParent());
      if (i % LINKS_PER_COPY == 0) {
        Files.copy(pdf, file);
        source = file;
      } else {
        Files.createLink(file, source);
      }
    }
    jdbc.sql("ANALYZE notifications").update();
    jdbc.sql("ANALYZE notification_personal_data").update();
    jdbc.sql("CHECKPOINT").update();
    byte[] bytes = Files.readAllBytes(pdf);
    System.out.printf(
        "made %,d letters of %d pages (%d sheets, %,d bytes of PDF) for the run of %s: one through"
            + " Herald, the rest by SQL with their PDFs as hard links, ANALYZE, CHECKPOINT: %.1f s%n",
        ids.size(), s.pages(), s.sheets(), bytes.length, runDay, RetentionBenchmark.seconds(began));
    return new Made(s.service(), runDay, ids.size(), s.pages(), s.sheets(), bytes);
  }

  private record Sample(UUID service, LocalDate expiresOn, int pages, int sheets) {}

  /** The letter's file where {@link LetterFiles} keeps it in the default file store. */
  private static Path rendered(Path dataDir, LocalDate expiresOn, UUID id) {
    return dataDir
        .resolve("files")
        .resolve(LetterFiles.folder(expiresOn))
        .resolve(id.toString())
        .resolve("rendered.pdf");
  }

  /** The copies of the sample letter, with its personal data; answers their ids. */
  private static List<UUID> copies(
      JdbcClient jdbc, UUID sample, LocalDate expiresOn, int letters, LocalDate runDay) {
    Instant first = runDay.atTime(FIRST).atZone(Timestamps.LONDON).toInstant();
    return jdbc.sql(
            """
            WITH made AS (
              INSERT INTO notifications (id, service_id, template_id, template_version, api_key_id,
                                         key_type, notification_type, status, reference,
                                         billable_units, international, postage, expires_on,
                                         created_at, page_count)
              SELECT gen_random_uuid(), s.service_id, s.template_id, s.template_version,
                     s.api_key_id, 'normal', 'letter', 'created',
                     'BENCH' || lpad(CAST(i AS text), 11, '0'), s.billable_units, s.international,
                     s.postage, s.expires_on,
                     CAST(:first AS timestamptz) + make_interval(secs => i * :step), s.page_count
                FROM notifications s, generate_series(1, :letters) AS i
               WHERE s.id = :sample AND s.key_type = 'normal'
              RETURNING id, expires_on, service_id
            ), personal AS (
              INSERT INTO notification_personal_data (notification_id, expires_on, service_id,
                                                      recipient, normalised_recipient,
                                                      personalisation, reply_to_text,
                                                      unsubscribe_link)
              SELECT m.id, m.expires_on, m.service_id, p.recipient, p.normalised_recipient,
                     p.personalisation, p.reply_to_text, p.unsubscribe_link
                FROM made m
                JOIN notification_personal_data p
                  ON p.notification_id = :sample AND p.expires_on = :expiresOn
            )
            SELECT id FROM made
            """)
        .param("first", Sql.ts(first))
        .param("step", SPREAD.toNanos() / 1e9 / letters)
        .param("letters", letters)
        .param("sample", sample)
        .param("expiresOn", expiresOn)
        .query(UUID.class)
        .list();
  }
}
