package dev.herald.callback;

import dev.herald.complaint.ComplaintListener;
import dev.herald.inbound.InboundListener;
import dev.herald.notification.StatusListener;
import dev.herald.print.ReturnedLetterListener;
import dev.herald.support.Sql;
import dev.herald.support.WorkSignal;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues the callbacks a service asked for inside the caller's transaction, at most once per event,
 * so that a callback exists exactly when the change it reports was committed.
 */
@Component
public class ServiceCallbacks
    implements StatusListener, InboundListener, ComplaintListener, ReturnedLetterListener {

  /** The db-scheduler task that makes the POST. */
  static final String TASK_NAME = "send-callback";

  /** After API sends (100), ahead of bulk work (0). */
  static final int PRIORITY = 50;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final WorkSignal signal;

  ServiceCallbacks(JdbcClient jdbc, Clock clock, WorkSignal signal) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.signal = signal;
  }

  @Override
  public void statusChanged(Collection<UUID> notificationIds) {
    deliveryStatusChanged(notificationIds);
  }

  @Override
  public void received(UUID inboundSmsId) {
    inboundSmsReceived(inboundSmsId);
  }

  @Override
  public void complained(UUID complaintId) {
    complaintReceived(complaintId);
  }

  /**
   * Queues a returned letter callback for each returned letter whose service has a {@code
   * returned_letter} callback. Must run inside the transaction that recorded them.
   */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void returned(Collection<UUID> returnedLetterIds) {
    queue(
        """
        INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version,
                                     priority)
        SELECT :task, 'returned_letter:' || r.id, :now, false, 1, :priority
          FROM returned_letters r
          JOIN service_callback_api c
            ON c.service_id = r.service_id AND c.callback_type = 'returned_letter'
         WHERE r.id = ANY(:id)
           AND NOT EXISTS (SELECT 1 FROM callback_attempts a
                            WHERE a.subject_id = r.id AND a.callback_type = 'returned_letter')
        ON CONFLICT (task_name, task_instance) DO NOTHING
        """,
        Sql.array("uuid", List.copyOf(returnedLetterIds)));
  }

  /** {@link #deliveryStatusChanged(Collection)} of one notification. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void deliveryStatusChanged(UUID notificationId) {
    deliveryStatusChanged(List.of(notificationId));
  }

  /**
   * Queues a delivery status callback for each notification's current status, if its service has a
   * {@code delivery_status} callback, it is an email or text message, and the status is not {@code
   * pending}: one statement for the whole batch. Must run inside the transaction that changed the
   * statuses.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void deliveryStatusChanged(Collection<UUID> notificationIds) {
    queue(
        """
        INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version,
                                     priority)
        SELECT :task, 'delivery_status:' || n.id || ':' || n.status, :now, false, 1, :priority
          FROM notifications n
          JOIN service_callback_api c
            ON c.service_id = n.service_id AND c.callback_type = 'delivery_status'
         WHERE n.id = ANY(:id)
           AND n.notification_type IN ('email', 'sms')
           AND n.status <> 'pending'
           AND NOT EXISTS (SELECT 1 FROM callback_attempts a
                            WHERE a.subject_id = n.id AND a.callback_type = 'delivery_status'
                              AND a.notification_status = n.status)
        ON CONFLICT (task_name, task_instance) DO NOTHING
        """,
        Sql.array("uuid", List.copyOf(notificationIds)));
  }

  /**
   * Queues a received text message callback if the message's service has an {@code inbound_sms}
   * callback. Must run inside the transaction that stored the message.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void inboundSmsReceived(UUID inboundSmsId) {
    queue(
        """
        INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version,
                                     priority)
        SELECT :task, 'inbound_sms:' || i.id, :now, false, 1, :priority
          FROM inbound_sms i
          JOIN service_callback_api c
            ON c.service_id = i.service_id AND c.callback_type = 'inbound_sms'
         WHERE i.id = :id
           AND NOT EXISTS (SELECT 1 FROM callback_attempts a
                            WHERE a.subject_id = i.id AND a.callback_type = 'inbound_sms')
        ON CONFLICT (task_name, task_instance) DO NOTHING
        """,
        inboundSmsId);
  }

  /**
   * Queues a complaint callback if the complaint's service has a {@code complaint} callback. Must
   * run inside the transaction that recorded the complaint.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void complaintReceived(UUID complaintId) {
    queue(
        """
        INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version,
                                     priority)
        SELECT :task, 'complaint:' || k.id, :now, false, 1, :priority
          FROM complaints k
          JOIN service_callback_api c
            ON c.service_id = k.service_id AND c.callback_type = 'complaint'
         WHERE k.id = :id
           AND NOT EXISTS (SELECT 1 FROM callback_attempts a
                            WHERE a.subject_id = k.id AND a.callback_type = 'complaint')
        ON CONFLICT (task_name, task_instance) DO NOTHING
        """,
        complaintId);
  }

  /**
   * Runs one of the statements above: each inserts the {@code send-callback} task for subject
   * {@code :id} (or each of the subjects in the array {@code :id}), due {@code :now}, unless the
   * service has no callback of its type or it was queued or made before. Wakes the scheduler after
   * the commit when it queued one.
   */
  private void queue(String insert, Object subjectId) {
    int queued =
        jdbc.sql(insert)
            .param("task", TASK_NAME)
            .param("now", Sql.ts(clock.instant()))
            .param("priority", PRIORITY)
            .param("id", subjectId)
            .update();
    if (queued > 0) {
      signal.newWorkAfterCommit();
    }
  }
}
