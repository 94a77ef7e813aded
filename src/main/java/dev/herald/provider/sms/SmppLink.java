package dev.herald.provider.sms;

import dev.herald.delivery.ProviderException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transceiver session with the SMSC. Binding happens in the background and again, with capped
 * exponential backoff, whenever the link drops; meanwhile {@link #bound()} fails at once.
 */
class SmppLink implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SmppLink.class);

  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final long BIND_TIMEOUT_MILLIS = 10_000;
  private static final long RESPONSE_TIMEOUT_MILLIS = 10_000;

  private final SmppProperties properties;
  private final MessageReceiverListener receiver;
  private final ScheduledExecutorService binder;
  private volatile SMPPSession session;
  private volatile boolean closed;
  private Duration backoff = FIRST_BACKOFF;

  SmppLink(SmppProperties properties, MessageReceiverListener receiver) {
    this.properties = properties;
    this.receiver = receiver;
    this.binder =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("smpp-bind-" + properties.name()).factory());
  }

  void start() {
    binder.execute(this::bind);
  }

  boolean isBound() {
    SMPPSession current = session;
    return current != null && current.getSessionState().isBound();
  }

  /** The bound session, or a retryable failure while there is none. */
  SMPPSession bound() throws ProviderException {
    SMPPSession current = session;
    if (current == null || !current.getSessionState().isBound()) {
      throw new ProviderException(
          "SMPP link " + properties.name() + " is not bound; binding again in the background",
          true);
    }
    return current;
  }

  private void bind() {
    if (closed || session != null) {
      return;
    }
    SMPPSession candidate = new SMPPSession();
    candidate.setEnquireLinkTimer((int) properties.enquireLinkInterval().toMillis());
    candidate.setTransactionTimer(RESPONSE_TIMEOUT_MILLIS);
    candidate.setMessageReceiverListener(receiver);
    try {
      candidate.connectAndBind(
          properties.host(), properties.port(), bindParameter(), BIND_TIMEOUT_MILLIS);
    } catch (IOException e) {
      candidate.close();
      Duration wait = min(backoff, properties.reconnectMaxBackoff());
      log.warn(
          "Could not bind SMPP link {}: {}; trying again in {}",
          properties.name(),
          e.getMessage(),
          wait);
      binder.schedule(this::bind, wait.toMillis(), TimeUnit.MILLISECONDS);
      backoff = min(wait.multipliedBy(2), properties.reconnectMaxBackoff());
      return;
    }
    if (closed) {
      candidate.unbindAndClose();
      return;
    }
    candidate.addSessionStateListener(this::onStateChange);
    session = candidate;
    backoff = FIRST_BACKOFF;
    log.info("SMPP link {} bound as transceiver", properties.name());
    if (!candidate.getSessionState().isBound()) {
      onStateChange(candidate.getSessionState(), SessionState.BOUND_TRX, candidate);
    }
  }

  private void onStateChange(SessionState newState, SessionState oldState, Session source) {
    if (newState.isBound() || source != session || closed) {
      return;
    }
    session = null;
    log.warn("SMPP link {} lost ({}); binding again", properties.name(), newState);
    binder.execute(
        () -> {
          source.close();
          bind();
        });
  }

  private BindParameter bindParameter() {
    return new BindParameter(
        BindType.BIND_TRX,
        properties.systemId(),
        properties.password(),
        properties.systemType(),
        TypeOfNumber.UNKNOWN,
        NumberingPlanIndicator.UNKNOWN,
        null);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public void close() {
    closed = true;
    binder.shutdownNow();
    SMPPSession current = session;
    if (current != null) {
      current.unbindAndClose();
    }
  }
}
