package dev.herald.provider.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small pool of connected SMTP transports: each is used by one thread at a time and kept open for
 * the next send; one found closed (the server timed it out, or restarted) is replaced.
 */
final class SmtpConnections implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

  private final SmtpProperties properties;
  private final Session session;
  private final Semaphore permits;
  private final Deque<Transport> idle = new ConcurrentLinkedDeque<>();
  private final AtomicLong opened = new AtomicLong();
  private volatile boolean closed;

  SmtpConnections(SmtpProperties properties) {
    this.properties = properties;
    this.session = Session.getInstance(sessionProperties(properties));
    this.permits = new Semaphore(properties.maxConnections(), true);
  }

  Session session() {
    return session;
  }

  /**
   * A connected transport for the caller alone, to be handed back with {@link #release}; waits for
   * a free one when all are in use.
   *
   * @throws ConnectionsBusyException when none came free within the timeout
   */
  Transport acquire() throws MessagingException, InterruptedException {
    if (!permits.tryAcquire(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
      throw new ConnectionsBusyException();
    }
    try {
      return connectedTransport();
    } catch (MessagingException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** Hands a transport back: kept for the next send when reusable, closed otherwise. */
  void release(Transport transport, boolean reusable) {
    if (reusable && !closed) {
      idle.offerFirst(transport);
    } else {
      closeQuietly(transport);
    }
    permits.release();
  }

  /** How many connections were opened so far; fewer than sends when connections are reused. */
  long opened() {
    return opened.get();
  }

  @Override
  public void close() {
    closed = true;
    for (Transport transport; (transport = idle.pollFirst()) != null; ) {
      closeQuietly(transport);
    }
  }

  private Transport connectedTransport() throws MessagingException {
    for (Transport transport; (transport = idle.pollFirst()) != null; ) {
      // isConnected() asks the server (NOOP), so a connection it dropped is noticed here
      if (transport.isConnected()) {
        return transport;
      }
      closeQuietly(transport);
    }
    Transport transport = session.getTransport("smtp");
    transport.connect(
        properties.host(), properties.port(), properties.username(), properties.password());
    long count = opened.incrementAndGet();
    log.debug(
        "Connected to SMTP server {}:{} ({} so far)", properties.host(), properties.port(), count);
    return transport;
  }

  private static void closeQuietly(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException e) {
      log.debug("Closing an SMTP connection failed", e);
    }
  }

  private static Properties sessionProperties(SmtpProperties properties) {
    String timeout = Long.toString(properties.timeout().toMillis());
    Properties session = new Properties();
    session.setProperty("mail.smtp.host", properties.host());
    session.setProperty("mail.smtp.port", Integer.toString(properties.port()));
    session.setProperty("mail.smtp.connectiontimeout", timeout);
    session.setProperty("mail.smtp.timeout", timeout);
    session.setProperty("mail.smtp.writetimeout", timeout);
    session.setProperty("mail.smtp.auth", Boolean.toString(properties.username() != null));
    session.setProperty("mail.smtp.starttls.enable", Boolean.toString(properties.starttls()));
    session.setProperty("mail.smtp.starttls.required", Boolean.toString(properties.starttls()));
    session.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    return session;
  }

  /** Every connection stayed in use for longer than the timeout. */
  static final class ConnectionsBusyException extends MessagingException {
    ConnectionsBusyException() {
      super("All SMTP connections stayed busy");
    }
  }
}
