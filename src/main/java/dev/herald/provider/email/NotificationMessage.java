package dev.herald.provider.email;

import dev.herald.delivery.OutgoingEmail;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * The MIME message of one notification: plain text and HTML alternatives in UTF-8, From the
 * service's name, one-click unsubscribe headers when there is a link, and a Message-ID made from
 * the notification id so that Herald knows it before the server answers.
 */
final class NotificationMessage extends MimeMessage {

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final String messageId;

  private NotificationMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  /**
   * Builds the message.
   *
   * @throws AddressException when an address, or the unsubscribe link, cannot go in a header
   */
  static NotificationMessage of(Session session, OutgoingEmail email, Instant sentAt)
      throws MessagingException {
    InternetAddress from = address(email.fromAddress(), "From");
    var message = new NotificationMessage(session, messageId(email, from));
    message.setFrom(withName(from, email.fromName()));
    message.setRecipient(RecipientType.TO, address(email.to(), "To"));
    if (email.replyTo() != null && !email.replyTo().isBlank()) {
      message.setReplyTo(new InternetAddress[] {address(email.replyTo(), "Reply-To")});
    }
    message.setSubject(email.subject(), UTF_8);
    message.setSentDate(Date.from(sentAt));
    if (email.unsubscribeUrl() != null && !email.unsubscribeUrl().isBlank()) {
      message.setHeader("List-Unsubscribe", "<" + headerSafe(email.unsubscribeUrl()) + ">");
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    message.setContent(alternatives(email));
    message.saveChanges();
    return message;
  }

  /** The Message-ID header, angle brackets included. */
  String messageId() {
    return messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }

  /** Parses an address strictly; the exception names the header, never the address itself. */
  private static InternetAddress address(String address, String header) throws AddressException {
    try {
      return new InternetAddress(address, true);
    } catch (AddressException e) {
      throw new AddressException(header + " is not a valid email address");
    }
  }

  private static InternetAddress withName(InternetAddress address, String name) {
    try {
      return new InternetAddress(address.getAddress(), name, UTF_8);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }

  private static String messageId(OutgoingEmail email, InternetAddress from) {
    String address = from.getAddress();
    int at = address.lastIndexOf('@');
    String domain = at < 0 ? "herald" : address.substring(at + 1);
    return "<" + email.notificationId() + "@" + domain + ">";
  }

  private static MimeMultipart alternatives(OutgoingEmail email) throws MessagingException {
    var text = new MimeBodyPart();
    text.setText(email.textBody(), UTF_8, "plain");
    var html = new MimeBodyPart();
    html.setText(email.htmlBody(), UTF_8, "html");
    // RFC 2046: alternatives go from plainest to richest, so mail clients prefer the last
    return new MimeMultipart("alternative", text, html);
  }

  private static String headerSafe(String url) throws AddressException {
    if (url.chars().anyMatch(c -> c < 0x21 || c > 0x7e || c == '<' || c == '>')) {
      throw new AddressException("The unsubscribe link is not a plain URL that fits a header");
    }
    return url;
  }
}
