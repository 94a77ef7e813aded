package dev.herald.admin;

import dev.herald.api.AdminInput;
import dev.herald.api.ApiException;
import dev.herald.api.JsonBodies;
import dev.herald.api.RawBody;
import dev.herald.receipt.InboundMessage;
import dev.herald.receipt.ReceiptSink;
import dev.herald.recipient.EmailAddresses;
import dev.herald.recipient.InvalidRecipientException;
import dev.herald.service.DefaultSenders;
import dev.herald.service.InboundNumberRepository;
import dev.herald.service.SenderRepository;
import dev.herald.service.Service;
import dev.herald.support.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Reply-to addresses, SMS senders, the inbound number and received texts of a service. */
@RestController
class AdminSenderController {

  private final AdminServices services;
  private final SenderRepository senders;
  private final DefaultSenders defaults;
  private final InboundNumberRepository numbers;
  private final ReceiptSink receipts;
  private final ObjectMapper json;
  private final Clock clock;

  AdminSenderController(
      AdminServices services,
      SenderRepository senders,
      DefaultSenders defaults,
      InboundNumberRepository numbers,
      ReceiptSink receipts,
      ObjectMapper json,
      Clock clock) {
    this.services = services;
    this.senders = senders;
    this.defaults = defaults;
    this.numbers = numbers;
    this.receipts = receipts;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping("/admin/services/{id}/email-reply-to")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> addReplyTo(@PathVariable String id, @RawBody byte[] body) {
    Service service = services.require(id);
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    String address = in.string("email_address", true, 255);
    Boolean isDefault = in.bool("is_default");
    if (address != null && !validEmail(address)) {
      in.error(
          "email_address " + AdminInput.abbreviated(address) + " is not a valid email address");
    }
    in.done();
    UUID replyToId = Ids.random();
    senders.addEmailReplyTo(
        replyToId, service.id(), address.strip(), Boolean.TRUE.equals(isDefault), clock.instant());
    defaults.evict(service.id());
    return Map.of("id", replyToId);
  }

  @PostMapping("/admin/services/{id}/sms-senders")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> addSmsSender(@PathVariable String id, @RawBody byte[] body) {
    Service service = services.require(id);
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    String sender = in.string("sms_sender", true, 20);
    Boolean isDefault = in.bool("is_default");
    if (sender != null && sender.strip().length() > 11 && !sender.strip().matches("\\+?[0-9 ]+")) {
      in.error("sms_sender " + sender + " is too long");
    }
    in.done();
    UUID senderId = Ids.random();
    senders.addSmsSender(
        senderId,
        service.id(),
        sender.strip(),
        Boolean.TRUE.equals(isDefault),
        null,
        clock.instant());
    defaults.evict(service.id());
    return Map.of("id", senderId);
  }

  @PostMapping("/admin/services/{id}/inbound-number")
  Map<String, Object> setInboundNumber(@PathVariable String id, @RawBody byte[] body) {
    Service service = services.require(id);
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    String number = in.string("number", true, 20);
    in.done();
    UUID numberId =
        numbers
            .assign(service.id(), number.strip(), clock.instant())
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "Inbound number " + number.strip() + " belongs to another service"));
    return Map.of("id", numberId, "number", number.strip());
  }

  @PostMapping("/admin/services/{id}/inbound-sms")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> recordInboundSms(@PathVariable String id, @RawBody byte[] body) {
    Service service = services.require(id);
    AdminInput in = new AdminInput(JsonBodies.parse(json, body));
    String userNumber = in.string("user_number", true, 255);
    String content = in.string("content", true);
    in.done();
    String notifyNumber =
        numbers
            .numberOf(service.id())
            .orElseThrow(() -> ApiException.badRequest("Service has no inbound number"));
    Instant now = clock.instant();
    UUID smsId =
        receipts
            .receive(
                new InboundMessage("admin", null, notifyNumber, userNumber.strip(), content, now))
            .orElseThrow(() -> ApiException.badRequest("Service has no inbound number"));
    return Map.of("id", smsId);
  }

  private static boolean validEmail(String address) {
    try {
      EmailAddresses.validate(address);
      return true;
    } catch (InvalidRecipientException e) {
      return false;
    }
  }
}
