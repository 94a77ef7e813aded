package dev.herald.provider.email;

import dev.herald.delivery.EmailProvider;
import dev.herald.delivery.OutgoingEmail;
import dev.herald.delivery.ProviderException;
import dev.herald.notification.NotificationStatus;
import dev.herald.provider.email.SmtpConnections.ConnectionsBusyException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.time.Clock;
import java.util.Optional;

/**
 * Hands emails to a mail server over SMTP, reusing a few open connections; answers the Message-ID
 * it gave the email as the reference, and says whether a refusal is worth retrying.
 */
public class SmtpEmailProvider implements EmailProvider, AutoCloseable {

  private final SmtpConnections connections;
  private final Clock clock;
  private final boolean deliveredOnAccept;

  public SmtpEmailProvider(SmtpProperties properties, Clock clock) {
    this.connections = new SmtpConnections(properties);
    this.clock = clock;
    this.deliveredOnAccept = properties.deliveredOnAccept();
  }

  @Override
  public String name() {
    return "smtp";
  }

  /**
   * Plain SMTP sends no receipts: the server's acceptance stands for delivery, if so configured.
   */
  @Override
  public Optional<NotificationStatus> simulatedReceipt(OutgoingEmail email) {
    return deliveredOnAccept ? Optional.of(NotificationStatus.DELIVERED) : Optional.empty();
  }

  @Override
  public String send(OutgoingEmail email) throws ProviderException {
    NotificationMessage message = message(email);
    Transport transport = connection();
    boolean reusable = false;
    try {
      transport.sendMessage(message, message.getAllRecipients());
      reusable = true;
      return message.messageId();
    } catch (MessagingException e) {
      throw failure(e);
    } finally {
      connections.release(transport, reusable);
    }
  }

  /** Closes the open connections. */
  @Override
  public void close() {
    connections.close();
  }

  /** How many connections were opened so far. */
  long connectionsOpened() {
    return connections.opened();
  }

  private NotificationMessage message(OutgoingEmail email) throws ProviderException {
    try {
      return NotificationMessage.of(connections.session(), email, clock.instant());
    } catch (MessagingException e) {
      // the message names the header at fault, never the address
      throw new ProviderException("Cannot make the email: " + e.getMessage(), false);
    }
  }

  private Transport connection() throws ProviderException {
    try {
      return connections.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException("Interrupted while waiting for an SMTP connection", true, e);
    } catch (MessagingException e) {
      throw failure(e);
    }
  }

  private static ProviderException failure(MessagingException e) {
    Optional<SmtpReply> reply = SmtpReply.in(e);
    if (reply.isPresent()) {
      // no cause: the exceptions carry the addresses that were refused
      String permanence = reply.get().permanent() ? "permanently" : "for now";
      return new ProviderException(
          "The SMTP server refused the email " + permanence + ": " + reply.get().withoutAddresses(),
          !reply.get().permanent());
    }
    if (e instanceof ConnectionsBusyException) {
      return ProviderException.busy(e.getMessage(), e);
    }
    if (e instanceof AuthenticationFailedException) {
      // the fault is in Herald's settings, not in the email: once they are fixed it will go
      return new ProviderException("The SMTP server refused Herald's login", true, e);
    }
    return new ProviderException("SMTP connection failed: " + e.getMessage(), true, e);
  }
}
