package dev.herald.notification;

import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.RequestValidator;
import dev.herald.recipient.EmailAddresses;
import dev.herald.recipient.InvalidRecipientException;
import dev.herald.recipient.PhoneNumbers;
import dev.herald.service.Service;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Parses and validates send requests against Notify's schemas, with recipient formats plugged in.
 */
@Component
public class SendValidation {

  private final RequestValidator sms;
  private final RequestValidator email;
  private final RequestValidator letter;
  private final RequestValidator precompiledLetter;
  private final ObjectMapper json;

  SendValidation(ObjectMapper json, Clock clock) {
    this.json = json;
    this.sms =
        RequestValidator.forSchema("schemas/post_sms_request.json")
            .withFormat(RequestValidator.PHONE_NUMBER, check(PhoneNumbers::parse))
            .withFormat(
                RequestValidator.DATETIME_WITHIN_NEXT_DAY,
                RequestValidator.datetimeWithinNextDay(clock));
    this.email =
        RequestValidator.forSchema("schemas/post_email_request.json")
            .withFormat(RequestValidator.EMAIL_ADDRESS, check(EmailAddresses::validate))
            .withFormat(
                RequestValidator.DATETIME_WITHIN_NEXT_DAY,
                RequestValidator.datetimeWithinNextDay(clock));
    this.letter = RequestValidator.forSchema("schemas/post_letter_request.json");
    this.precompiledLetter =
        RequestValidator.forSchema("schemas/post_precompiled_letter_request.json");
  }

  JsonNode parseAndValidate(String type, byte[] rawBody) {
    JsonNode body = JsonBodies.parse(json, rawBody);
    List<String> errors = ("sms".equals(type) ? sms : email).validate(body);
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    return body;
  }

  /**
   * A letter request: precompiled if and only if it has a {@code content} key (notify-letters.md
   * §11), each kind checked against its own schema.
   */
  JsonNode parseAndValidateLetter(byte[] rawBody) {
    JsonNode body = JsonBodies.parse(json, rawBody);
    List<String> errors =
        (body.isObject() && body.has("content") ? precompiledLetter : letter).validate(body);
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    return body;
  }

  /**
   * Notify's {@code Service is not allowed to send …} unless the service has the type's permission.
   */
  public static void checkPermission(Service service, String type) {
    if (!service.can(type)) {
      throw ApiException.badRequest(
          "Service is not allowed to send "
              + switch (type) {
                case "sms" -> "text messages";
                case "letter" -> "letters";
                default -> "emails";
              });
    }
  }

  private static java.util.function.Function<String, Optional<String>> check(
      Consumer<String> validator) {
    return value -> {
      try {
        validator.accept(value);
        return Optional.empty();
      } catch (InvalidRecipientException e) {
        return Optional.of(e.getMessage());
      }
    };
  }
}
