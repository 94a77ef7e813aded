package dev.herald.support;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.QueryTimeoutException;

/**
 * Runs the same small piece of database work of many threads as one batch: each caller waits while
 * its item and those of the callers that came in meanwhile go into one statement and one commit.
 * There is no waiting for a batch to fill: a batch starts as soon as the previous one ends, so a
 * lone caller pays one round trip, and under load the batches grow with the load.
 *
 * <p>The work gets the items in arrival order, those the {@code ahead} predicate picks before the
 * others (the API's hand-overs before a job's, when both wait), and answers one result per item, in
 * the same order. If it throws, every caller of that batch gets the exception. A caller whose item
 * no batch took within the timeout withdraws it, so that it never runs, and gets a {@link
 * QueryTimeoutException}: a temporary failure, not an item stored after its caller gave up.
 *
 * <p>Three meters, tagged with the name, say where a caller's time goes: {@code
 * herald.group.commit.wait} (from the call until a batch takes the item), {@code
 * herald.group.commit.batch} (the work of one batch, its commit included) and {@code
 * herald.group.commit.size} (items per batch).
 */
public final class GroupCommit<T, R> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  /** Items ahead first, then in arrival order. */
  private final BlockingQueue<Pending<T, R>> queue =
      new PriorityBlockingQueue<>(
          64,
          Comparator.comparing((Pending<T, R> p) -> !p.ahead()).thenComparingLong(Pending::order));

  private final AtomicLong arrivals = new AtomicLong();
  private final Function<List<T>, List<R>> work;
  private final Predicate<T> ahead;
  private final int maxBatch;
  private final Duration timeout;
  private final List<Thread> threads = new ArrayList<>();
  private final Timer waits;
  private final Timer batches;
  private final DistributionSummary sizes;
  private volatile boolean closed;

  /**
   * @param name names the threads
   * @param threads batches run at once (each holds a database connection while it runs)
   * @param maxBatch most items in one batch
   * @param timeout how long a caller waits for its batch before giving up
   * @param meters where the meters go
   * @param ahead the items taken into a batch before those that waited longer
   * @param work the batch's work
   */
  public GroupCommit(
      String name,
      int threads,
      int maxBatch,
      Duration timeout,
      MeterRegistry meters,
      Predicate<T> ahead,
      Function<List<T>, List<R>> work) {
    this.work = work;
    this.ahead = ahead;
    this.maxBatch = maxBatch;
    this.timeout = timeout;
    this.waits =
        Timer.builder("herald.group.commit.wait")
            .description("From the call until a batch took the item")
            .tag("name", name)
            .register(meters);
    this.batches =
        Timer.builder("herald.group.commit.batch")
            .description("The work of one batch, its commit included")
            .tag("name", name)
            .register(meters);
    this.sizes =
        DistributionSummary.builder("herald.group.commit.size")
            .description("Items per batch")
            .tag("name", name)
            .register(meters);
    for (int i = 0; i < threads; i++) {
      this.threads.add(Thread.ofPlatform().name(name + "-" + i).daemon().start(this::loop));
    }
  }

  /** Runs {@code item} in the next batch and answers its result; rethrows the batch's failure. */
  public R submit(T item) {
    if (closed) {
      throw new IllegalStateException("Closed: no more batches");
    }
    Pending<T, R> pending =
        new Pending<>(
            item,
            ahead.test(item),
            arrivals.getAndIncrement(),
            System.nanoTime(),
            new CompletableFuture<>());
    queue.add(pending);
    try {
      return await(pending);
    } catch (TimeoutException e) {
      if (queue.remove(pending)) {
        throw new QueryTimeoutException("No batch took this item within " + timeout, e);
      }
      return inFlight(pending);
    }
  }

  /** Waits once more for a batch that took the item and is running: its outcome is unknown. */
  private R inFlight(Pending<T, R> pending) {
    try {
      return await(pending);
    } catch (TimeoutException e) {
      throw new QueryTimeoutException("The batch of this item ran longer than " + timeout, e);
    }
  }

  /** The item's result within the timeout; its batch's failure rethrown. */
  private R await(Pending<T, R> pending) throws TimeoutException {
    try {
      return pending.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a batch", e);
    }
  }

  /** Items waiting for a batch. */
  public int waiting() {
    return queue.size();
  }

  private void loop() {
    List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
    while (!closed) {
      try {
        Pending<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        long taken = System.nanoTime();
        batch.forEach(p -> waits.record(taken - p.enqueued(), TimeUnit.NANOSECONDS));
        sizes.record(batch.size());
        batches.record(() -> run(batch));
      } catch (InterruptedException e) {
        break;
      } finally {
        batch.clear();
      }
    }
  }

  private void run(List<Pending<T, R>> batch) {
    try {
      List<R> results = work.apply(batch.stream().map(Pending::item).toList());
      if (results.size() != batch.size()) {
        throw new IllegalStateException(
            "The batch answered " + results.size() + " results for " + batch.size() + " items");
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result().complete(results.get(i));
      }
    } catch (RuntimeException | Error e) {
      log.warn("A batch of {} failed: {}", batch.size(), withoutMessage(e));
      batch.forEach(p -> p.result().completeExceptionally(e));
    }
  }

  /** Stops taking batches; callers still waiting fail. */
  @Override
  public void close() {
    closed = true;
    threads.forEach(Thread::interrupt);
    Pending<T, R> left;
    while ((left = queue.poll()) != null) {
      left.result().completeExceptionally(new IllegalStateException("Closed before its batch ran"));
    }
  }

  /** The class and SQLState of a failure: its message may quote the items (personal data). */
  private static String withoutMessage(Throwable e) {
    StringBuilder line = new StringBuilder(e.getClass().getName());
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      line.append(" <- ").append(t.getClass().getName());
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        line.append(" (SQLState ").append(sql.getSQLState()).append(')');
      }
    }
    return line.toString();
  }

  private record Pending<T, R>(
      T item, boolean ahead, long order, long enqueued, CompletableFuture<R> result) {}
}
