package dev.herald.notification;

import dev.herald.api.ApiException;
import dev.herald.recipient.PhoneNumbers;
import dev.herald.service.DefaultSenders;
import dev.herald.service.SenderRepository;
import dev.herald.support.Uuids;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The SMS sender or email reply-to address of a send: the one asked for, else the default. */
@Component
public class SenderLookup {

  private final SenderRepository senders;
  private final DefaultSenders defaults;

  SenderLookup(SenderRepository senders, DefaultSenders defaults) {
    this.senders = senders;
    this.defaults = defaults;
  }

  /** The sender text stored with the notification ({@code reply_to_text}), or null. */
  String senderFor(SendRequest request) {
    String field = "sms".equals(request.type()) ? "sms_sender_id" : "email_reply_to_id";
    return senderFor(request.service().id(), request.type(), request.text(field));
  }

  /**
   * The {@code reply_to_text} of a text message or email sent by a service with the sender of id
   * {@code asked} (as given: null for the service's default), or null when there is none; a
   * letter's is never from here.
   *
   * @throws ApiException Notify's {@code … does not exist in database for service id …} when the
   *     service has no such sender
   */
  public String senderFor(UUID serviceId, String type, String asked) {
    if ("sms".equals(type)) {
      if (asked == null) {
        return defaults.smsSender(serviceId).map(SenderLookup::formatSms).orElse(null);
      }
      return Uuids.parse(asked)
          .flatMap(id -> senders.smsSender(serviceId, id))
          .map(SenderLookup::formatSms)
          .orElseThrow(() -> missing("sms_sender_id", asked, serviceId));
    }
    if (!"email".equals(type)) {
      return null;
    }
    if (asked == null) {
      return defaults.emailReplyTo(serviceId).orElse(null);
    }
    return Uuids.parse(asked)
        .flatMap(id -> senders.emailReplyTo(serviceId, id))
        .orElseThrow(() -> missing("email_reply_to_id", asked, serviceId));
  }

  /** Numeric senders as E.164 digits without the plus; names such as {@code GOVUK} unchanged. */
  static String formatSms(String sender) {
    if (sender.matches("\\+?[0-9 ()-]+")) {
      return PhoneNumbers.normaliseForComparison(sender);
    }
    return sender;
  }

  private static ApiException missing(String field, String id, UUID serviceId) {
    return ApiException.badRequest(
        field + " " + id + " does not exist in database for service id " + serviceId);
  }
}
