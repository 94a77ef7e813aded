package dev.herald.api;

import dev.herald.support.Uuids;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The formats Notify's schemas use that need no collaborators, with Notify's error texts. */
final class NotifyFormats {

  static final String INVALID_DATETIME =
      "datetime format is invalid. It must be a valid ISO8601 date time format,"
          + " https://en.wikipedia.org/wiki/ISO_8601";

  private static final Pattern RETENTION_PERIOD = Pattern.compile("^(\\d+) weeks?$");
  private static final List<String> POSTAGE = List.of("first", "second", "economy");

  private NotifyFormats() {}

  static Map<String, Function<JsonNode, Optional<String>>> builtIn() {
    Map<String, Function<JsonNode, Optional<String>>> formats = new LinkedHashMap<>();
    formats.put("uuid", onStrings(NotifyFormats::uuid));
    formats.put("datetime", onStrings(NotifyFormats::datetime));
    formats.put("datetime_within_next_day", onStrings(NotifyFormats::datetime));
    formats.put("datetime_schedule_job", onStrings(NotifyFormats::datetime));
    formats.put("postage", onStrings(NotifyFormats::postage));
    formats.put("send_a_file_filename", NotifyFormats::filename);
    formats.put("send_a_file_retention_period", NotifyFormats::retentionPeriod);
    formats.put("send_a_file_is_csv", node -> booleanOrNull(node, "is_csv"));
    formats.put(
        "send_a_file_confirm_email_before_download",
        node -> booleanOrNull(node, "confirm_email_before_download"));
    return formats;
  }

  /** Applies a check to strings only and accepts any other type, as Notify's checkers do. */
  static Function<JsonNode, Optional<String>> onStrings(Function<String, Optional<String>> check) {
    return node -> node.isString() ? check.apply(node.stringValue()) : Optional.empty();
  }

  static Optional<String> datetimeWithinNextDay(String value, Clock clock) {
    return datetimeWithin(
        value,
        clock,
        24,
        "datetime can not be in the past",
        "datetime can only be 24 hours in the future");
  }

  /** GC Notify's {@code datetime_schedule_job}: the same, up to 96 hours ahead, its own words. */
  static Optional<String> datetimeScheduleJob(String value, Clock clock) {
    return datetimeWithin(
        value,
        clock,
        96,
        "datetime cannot be in the past",
        "datetime can only be up to 96 hours in the future");
  }

  private static Optional<String> datetimeWithin(
      String value, Clock clock, int hours, String past, String tooFar) {
    Optional<Iso8601.Timestamp> parsed = Iso8601.parse(value);
    if (parsed.isEmpty()) {
      return Optional.of(INVALID_DATETIME);
    }
    // Notify drops the offset and compares the wall-clock time with UTC now; so do we.
    LocalDateTime scheduled = parsed.get().localDateTime();
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (scheduled.isBefore(now)) {
      return Optional.of(past);
    }
    if (scheduled.isAfter(now.plusHours(hours))) {
      return Optional.of(tooFar);
    }
    return Optional.empty();
  }

  private static Optional<String> uuid(String value) {
    return Uuids.parse(value).isPresent() ? Optional.empty() : Optional.of("is not a valid UUID");
  }

  private static Optional<String> datetime(String value) {
    return Iso8601.parse(value).isPresent() ? Optional.empty() : Optional.of(INVALID_DATETIME);
  }

  private static Optional<String> postage(String value) {
    return POSTAGE.contains(value)
        ? Optional.empty()
        : Optional.of("invalid. It must be either first, second or economy.");
  }

  private static Optional<String> filename(JsonNode node) {
    if (node.isNull() || node.isString() && node.stringValue().contains(".")) {
      return Optional.empty();
    }
    return Optional.of("`filename` must end with a file extension. For example, filename.csv");
  }

  private static Optional<String> retentionPeriod(JsonNode node) {
    if (node.isNull()) {
      return Optional.empty();
    }
    if (node.isString()) {
      var match = RETENTION_PERIOD.matcher(node.stringValue().strip().toLowerCase());
      if (match.matches() && inRange(match.group(1))) {
        return Optional.empty();
      }
    }
    return Optional.of(
        "Unsupported value for retention_period: "
            + PythonRepr.str(node)
            + ". Supported periods are from 1 to 78 weeks.");
  }

  private static boolean inRange(String weeks) {
    var value = new java.math.BigInteger(weeks);
    return value.signum() > 0 && value.compareTo(java.math.BigInteger.valueOf(78)) <= 0;
  }

  private static Optional<String> booleanOrNull(JsonNode node, String field) {
    if (node.isNull() || node.isBoolean()) {
      return Optional.empty();
    }
    return Optional.of(
        "Unsupported value for "
            + field
            + ": "
            + PythonRepr.str(node)
            + ". Use a boolean true or false value.");
  }
}
