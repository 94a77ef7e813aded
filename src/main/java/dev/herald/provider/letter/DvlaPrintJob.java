package dev.herald.provider.letter;

import dev.herald.print.PrintLetter;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of one print request (notify-letters.md §4.1): the letter's id as the print API's
 * idempotency key, its reference as the business identifier, its address, postage and PDF, and
 * where to report its despatch.
 */
final class DvlaPrintJob {

  /** DVLA retries a callback Herald did not take for up to 3 hours, as Notify asks it to. */
  static final int CALLBACK_RETRY_WINDOW_SECONDS = 10_800;

  private DvlaPrintJob() {}

  /**
   * The request for {@code letter} of {@code serviceId}'s batch. Herald has no organisations, so
   * the service id stands as the {@code organisationIdentifier} too.
   */
  static ObjectNode body(
      PrintLetter letter, UUID serviceId, DvlaAddress address, byte[] pdf, String callbackTarget) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode standard = nodes.objectNode();
    standard.put("jobType", "NOTIFY");
    standard.put("templateReference", "NOTIFY");
    standard.put("businessIdentifier", letter.reference());
    standard.put("recipientName", address.recipientName());
    standard.set("address", address.address());
    despatchMethod(letter.postage()).ifPresent(method -> standard.put("despatchMethod", method));

    ArrayNode custom = nodes.arrayNode();
    custom.add(param("pdfContent", Base64.getEncoder().encodeToString(pdf)));
    custom.add(param("organisationIdentifier", serviceId.toString()));
    custom.add(param("serviceIdentifier", serviceId.toString()));

    ObjectNode retry = nodes.objectNode();
    retry.put("enabled", true);
    retry.put("maxRetryWindow", CALLBACK_RETRY_WINDOW_SECONDS);
    ObjectNode callback = nodes.objectNode();
    callback.put("target", callbackTarget);
    callback.set("retryParams", retry);

    ObjectNode body = nodes.objectNode();
    body.put("id", letter.notificationId().toString());
    body.set("standardParams", standard);
    body.set("customParams", custom);
    body.set("callbackParams", callback);
    return body;
  }

  /** DVLA's name for the postage; second class is DVLA's default and is left out. */
  static Optional<String> despatchMethod(String postage) {
    return switch (postage) {
      case "first" -> Optional.of("FIRST");
      case "second" -> Optional.empty();
      case "economy" -> Optional.of("ECONOMY");
      case "europe" -> Optional.of("INTERNATIONAL_EU");
      case "rest-of-world" -> Optional.of("INTERNATIONAL_ROW");
      default -> throw new IllegalArgumentException("Unknown postage " + postage);
    };
  }

  private static ObjectNode param(String key, String value) {
    ObjectNode param = JsonNodeFactory.instance.objectNode();
    param.put("key", key);
    param.put("value", value);
    return param;
  }
}
