package dev.herald.api;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.keyword.NonValidationKeyword;
import dev.herald.support.Uuids;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates a request against one of Notify's Draft 7 schemas on the classpath and returns Notify's
 * {@code ValidationError} messages, for example {@code "template_id is a required property"}.
 */
public final class RequestValidator {

  /** Format of {@code phone_number} in the sms schema; plug in the recipient check. */
  public static final String PHONE_NUMBER = "phone_number";

  /** Format of {@code email_address} in the email schema; plug in the recipient check. */
  public static final String EMAIL_ADDRESS = "email_address";

  /** Format of {@code scheduled_for}; by default only the ISO 8601 syntax is checked. */
  public static final String DATETIME_WITHIN_NEXT_DAY = "datetime_within_next_day";

  /** Format of the bulk API's {@code scheduled_for} (GC Notify's); ISO 8601 unless plugged in. */
  public static final String DATETIME_SCHEDULE_JOB = "datetime_schedule_job";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String resource;
  private final Map<String, Function<JsonNode, Optional<String>>> formats;
  private final Schema schema;
  private final JsonSchemaMessages messages;

  /**
   * @param resource classpath location of the schema, for example {@code
   *     schemas/post_sms_request.json}.
   * @param formats checks for custom formats by name, each returning the error text to show after
   *     the field name, or empty when the value is fine; they replace built-in checks of the same
   *     name and are applied to strings only.
   */
  public RequestValidator(
      String resource, Map<String, Function<String, Optional<String>>> formats) {
    this(withPlugged(NotifyFormats.builtIn(), formats), resource);
  }

  private RequestValidator(
      Map<String, Function<JsonNode, Optional<String>>> formats, String resource) {
    this.resource = resource;
    this.formats = Map.copyOf(formats);
    JsonNode root = read(resource);
    this.schema = registry(this.formats).getSchema(root);
    this.messages = new JsonSchemaMessages(root, this.formats);
  }

  /** A validator for the schema with only the built-in formats. */
  public static RequestValidator forSchema(String resource) {
    return new RequestValidator(resource, Map.of());
  }

  /** A copy of this validator that checks {@code format} with {@code check} (strings only). */
  public RequestValidator withFormat(String format, Function<String, Optional<String>> check) {
    return new RequestValidator(withPlugged(formats, Map.of(format, check)), resource);
  }

  /** Every error in Notify's wording, without duplicates, in the order Notify reports them. */
  public List<String> validate(JsonNode instance) {
    List<Error> errors = schema.validate(instance);
    return messages.translate(errors);
  }

  /** Parses an id as leniently as Notify does ({@code {…}}, {@code urn:uuid:}, no hyphens…). */
  public static Optional<UUID> parseUuid(String value) {
    return value == null ? Optional.empty() : Uuids.parse(value);
  }

  /**
   * The full {@code scheduled_for} check: ISO 8601, not in the past and at most 24 hours ahead, to
   * plug in as {@link #DATETIME_WITHIN_NEXT_DAY}.
   */
  public static Function<String, Optional<String>> datetimeWithinNextDay(Clock clock) {
    return value -> NotifyFormats.datetimeWithinNextDay(value, clock);
  }

  /** GC Notify's bulk {@code scheduled_for}: ISO 8601, not in the past, at most 96 hours ahead. */
  public static Function<String, Optional<String>> datetimeScheduleJob(Clock clock) {
    return value -> NotifyFormats.datetimeScheduleJob(value, clock);
  }

  /** The instant an ISO 8601 timestamp names, read as Notify reads it (UTC without an offset). */
  public static Optional<Instant> instant(String text) {
    return Iso8601.parse(text).map(t -> t.localDateTime().toInstant(t.offset()));
  }

  private static Map<String, Function<JsonNode, Optional<String>>> withPlugged(
      Map<String, Function<JsonNode, Optional<String>>> current,
      Map<String, Function<String, Optional<String>>> plugged) {
    Map<String, Function<JsonNode, Optional<String>>> all = new LinkedHashMap<>(current);
    plugged.forEach((name, check) -> all.put(name, NotifyFormats.onStrings(check)));
    return all;
  }

  private static SchemaRegistry registry(
      Map<String, Function<JsonNode, Optional<String>>> formats) {
    Dialect.Builder dialect = Dialect.builder(Dialects.getDraft7());
    formats.forEach((name, check) -> dialect.format(new CheckedFormat(name, check)));
    dialect.keyword(new NonValidationKeyword("validationMessage"));
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    return SchemaRegistry.withDefaultDialect(
        dialect.build(), builder -> builder.schemaRegistryConfig(config));
  }

  private static JsonNode read(String resource) {
    try (InputStream in = RequestValidator.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No schema on the classpath at " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record CheckedFormat(String name, Function<JsonNode, Optional<String>> check)
      implements Format {

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean matches(
        ExecutionContext executionContext, SchemaContext schemaContext, JsonNode value) {
      return check.apply(value).isEmpty();
    }
  }
}
