package dev.herald.provider.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The last {@link #CAPACITY} messages the outbox providers took, newest first, in memory only: the
 * outbox is for trying Herald out, and keeps no personal data on disk.
 */
@Component
public class Outbox {

  static final int CAPACITY = 500;

  /** One message as it would have been sent. */
  public record Message(
      UUID notificationId,
      String type,
      String from,
      String to,
      String subject,
      String html,
      String text,
      String pdf,
      Instant at) {

    @Override
    public String toString() {
      return "Outbox.Message[" + notificationId + "]";
    }
  }

  private final Deque<Message> messages = new ArrayDeque<>();
  private final Map<UUID, LocalDate> letterDays = new HashMap<>();

  synchronized void add(Message message) {
    messages.addFirst(message);
    while (messages.size() > CAPACITY) {
      letterDays.remove(messages.removeLast().notificationId());
    }
  }

  /** A letter, with the expiry day that finds its PDF. */
  synchronized void addLetter(Message letter, LocalDate expiresOn) {
    letterDays.put(letter.notificationId(), expiresOn);
    add(letter);
  }

  /** The expiry day of a letter still in the outbox. */
  synchronized Optional<LocalDate> letterDay(UUID notificationId) {
    return Optional.ofNullable(letterDays.get(notificationId));
  }

  public synchronized List<Message> messages() {
    return List.copyOf(messages);
  }
}
