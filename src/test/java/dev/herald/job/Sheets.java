package dev.herald.job;

import dev.herald.template.Template;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Templates, services and CSV files for the checker's tests. */
final class Sheets {

  static final ServiceFacts LIVE =
      new ServiceFacts(false, List.of(), false, false, false, Long.MAX_VALUE, Long.MAX_VALUE);

  private Sheets() {}

  static Template sms(String content) {
    return template("sms", null, content);
  }

  static Template email(String subject, String content) {
    return template("email", subject, content);
  }

  static Template letter(String content) {
    return template("letter", "Letter", content);
  }

  private static Template template(String type, String subject, String content) {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    return new Template(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Reminder",
        type,
        subject,
        content,
        null,
        "second",
        false,
        false,
        1,
        "someone",
        now,
        now);
  }

  static InputStream csv(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static SheetCheck check(Template template, ServiceFacts facts, String text) {
    return new RecipientSheet(template, facts, SheetLimits.DEFAULT).check("people.csv", csv(text));
  }
}
