package dev.herald.support;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this instance's workers when work was committed here, so it is picked up at once rather
 * than at the next poll: the delivery queue for new notifications, db-scheduler for tasks.
 */
@Component
public class WorkSignal {

  /** What runs the delivery queue on this instance. */
  public interface Deliveries {
    void newDeliveries();
  }

  private final ObjectProvider<Scheduler> schedulerProvider;
  private final ObjectProvider<Deliveries> deliveriesProvider;
  private volatile Scheduler scheduler;
  private volatile Deliveries deliveries;

  WorkSignal(
      ObjectProvider<Scheduler> schedulerProvider, ObjectProvider<Deliveries> deliveriesProvider) {
    this.schedulerProvider = schedulerProvider;
    this.deliveriesProvider = deliveriesProvider;
  }

  /** Wakes the task executor once the current transaction commits (at once outside one). */
  public void newWorkAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      newWork();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            newWork();
          }
        });
  }

  /** Wakes the task executor (db-scheduler). */
  public void newWork() {
    Scheduler s = scheduler();
    if (s != null) {
      s.triggerCheckForDueExecutions();
    }
  }

  /** Wakes the delivery queue: notifications were committed. */
  public void newDeliveries() {
    Deliveries d = deliveries();
    if (d != null) {
      d.newDeliveries();
    }
  }

  // Resolving a bean is a dependency resolution each time (~1 % of Herald's CPU in the pipeline
  // benchmark, once per batch of inserts), so each is kept once it exists.
  private Scheduler scheduler() {
    Scheduler s = scheduler;
    if (s == null) {
      s = schedulerProvider.getIfAvailable();
      scheduler = s;
    }
    return s;
  }

  private Deliveries deliveries() {
    Deliveries d = deliveries;
    if (d == null) {
      d = deliveriesProvider.getIfAvailable();
      deliveries = d;
    }
    return d;
  }
}
