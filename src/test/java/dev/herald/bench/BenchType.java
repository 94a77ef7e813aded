package dev.herald.bench;

import java.util.Locale;
import java.util.Map;

/**
 * What the intake and pipeline benchmarks send ({@code --type}): emails to {@code
 * bench-N@example.com}, or text messages to UK mobile numbers, each from a template with
 * placeholders.
 */
enum BenchType {
  EMAIL("email_address", "Hello ((name))", "Dear ((name)), ref ((reference))."),
  SMS("phone_number", null, "Dear ((name)), your reference is ((reference)).");

  private final String recipientField;
  private final String subject;
  private final String content;

  BenchType(String recipientField, String subject, String content) {
    this.recipientField = recipientField;
    this.subject = subject;
    this.content = content;
  }

  static BenchType of(Map<String, String> options) {
    return BenchOptions.choice(options, "type", EMAIL);
  }

  /** Notify's name of the type: {@code email}, {@code sms}. */
  String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  String path() {
    return "/v2/notifications/" + value();
  }

  String recipientField() {
    return recipientField;
  }

  /**
   * The n-th request's recipient. The numbers are in 07811 (a UK mobile range), not in 07700
   * 900xxx, where the outbox's simulator fails 07700900002 and 07700900003.
   */
  String recipient(long n) {
    return this == EMAIL
        ? "bench-" + n + "@example.com"
        : String.format("07811%06d", n % 1_000_000);
  }

  String subject() {
    return subject;
  }

  String content() {
    return content;
  }
}
