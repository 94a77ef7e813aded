package dev.herald.complaint;

import dev.herald.support.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what providers report of complaints, once each, and tells the listeners (the service's
 * callback) in the same transaction. As in Notify, a complaint leaves the notification's status as
 * it is.
 */
@Component
public class Complaints {

  private static final Logger log = LoggerFactory.getLogger(Complaints.class);

  private final ComplaintRepository repository;
  private final List<ComplaintListener> listeners;
  private final Clock clock;

  Complaints(ComplaintRepository repository, List<ComplaintListener> listeners, Clock clock) {
    this.repository = repository;
    this.listeners = listeners;
    this.clock = clock;
  }

  /**
   * Records a complaint; answers its id, or empty when it was recorded before (a redelivered event)
   * or matches no notification.
   */
  @Transactional
  public Optional<UUID> record(ProviderComplaint complaint) {
    Optional<UUID> id = repository.insert(Ids.timeOrdered(), complaint, clock.instant());
    if (id.isPresent()) {
      listeners.forEach(l -> l.complained(id.get()));
    } else if (repository.recorded(complaint.feedbackId())) {
      log.info("Complaint {} was recorded before; ignored", complaint.feedbackId());
    } else {
      log.warn(
          "Complaint {} from {} is about reference {}, which no notification has; dropped",
          complaint.feedbackId(),
          complaint.provider(),
          complaint.reference());
    }
    return id;
  }
}
