package dev.herald.delivery;

import dev.herald.HeraldApplication;
import dev.herald.delivery.DeliveryRepository.Claimed;
import dev.herald.support.RedactedThrowable;
import dev.herald.support.WorkSignal;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Runs the delivery queue on this instance (docs/delivery.md): {@code herald.delivery.claimers}
 * threads claim due rows in batches, API sends first, as long as there are free delivery threads;
 * each claimed row runs on its own thread ({@link Deliverer}); a heartbeat renews the leases of the
 * runs still going, so a row is taken over by another instance only once this one has stopped
 * renewing it (it died, or lost the database). A retryable failure puts the row back with capped
 * exponential backoff; after the last attempt the notification becomes {@code technical-failure}.
 */
@Component
@Profile("!" + HeraldApplication.COMMAND_PROFILE)
class DeliveryQueue implements SmartLifecycle, WorkSignal.Deliveries {

  private static final Logger log = LoggerFactory.getLogger(DeliveryQueue.class);

  /** How long a row waits when every connection to its provider stayed busy. */
  static final Duration BUSY_WAIT = Duration.ofSeconds(1);

  /** How often an instance asks whether a job's rows are being stored. */
  static final Duration STORING_CHECK = Duration.ofSeconds(1);

  /**
   * A job in progress that has not moved on for this long is not being stored (its instance died,
   * or its batch fails): it no longer holds the bulk lane back.
   */
  static final Duration STORING_STALE = Duration.ofSeconds(30);

  private final DeliveryRepository repository;
  private final Deliverer deliverer;
  private final HandOver handOver;
  private final DeliveryProperties properties;
  private final Clock clock;
  private final String instance;
  private final Semaphore free;
  private final Timer held;
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();
  private final AtomicInteger bulkRunning = new AtomicInteger();
  private volatile long storingCheckedAt;
  private volatile boolean storing;
  private final Object wake = new Object();
  private boolean woken;
  private volatile boolean starved;
  private volatile boolean active;
  private final List<Thread> claimers = new ArrayList<>();
  private ThreadPoolExecutor runs;
  private ScheduledExecutorService heartbeats;

  DeliveryQueue(
      DeliveryRepository repository,
      Deliverer deliverer,
      HandOver handOver,
      DeliveryProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.repository = repository;
    this.deliverer = deliverer;
    this.handOver = handOver;
    this.properties = properties;
    this.clock = clock;
    this.instance = instanceName();
    this.free = new Semaphore(properties.threads());
    this.storingCheckedAt = System.nanoTime() - STORING_CHECK.toNanos() - 1;
    this.held =
        Timer.builder("herald.delivery.run")
            .description(
                "How long a delivery held its thread: provider calls, hand-over or retry included")
            .register(meters);
    Gauge.builder(
            "herald.delivery.threads.busy", free, f -> properties.threads() - f.availablePermits())
        .description("Delivery threads in use, of herald.delivery.threads")
        .register(meters);
    Gauge.builder("herald.delivery.bulk.busy", bulkRunning, AtomicInteger::get)
        .description(
            "Delivery threads running or claiming bulk-lane rows (capped by"
                + " herald.delivery.bulk-threads-while-storing while a job's rows are stored)")
        .register(meters);
  }

  /** Wakes the claiming thread: work was committed on this instance. */
  @Override
  public void newDeliveries() {
    synchronized (wake) {
      woken = true;
      wake.notifyAll();
    }
  }

  /**
   * Claims and starts what is due now, once; answers whether it claimed as many rows as it asked
   * for (so that there may be more). The threads for the rows are taken before the claim and those
   * it did not need given back, so that claiming threads running at once never claim more rows than
   * there are threads free to run them.
   */
  boolean claimOnce() {
    // Starved first, then the permits: a run that ends in between either sees starved and wakes
    // the claiming threads, or its permit is taken here.
    starved = true;
    int limit = takePermits(properties.batch());
    if (limit == 0) {
      return false;
    }
    starved = false;
    // While a job's rows are stored, the bulk lane runs on a few threads (reserved before the
    // claim, as the permits are): the storing, which makes every row safe, gets the machine.
    int reserved = 0;
    int ask = limit;
    boolean apiOnly = false;
    if (jobStoring()) {
      reserved = reserveBulk(limit);
      apiOnly = reserved == 0;
      ask = apiOnly ? limit : reserved;
    }
    List<Claimed> claimed = List.of();
    try {
      Instant now = clock.instant();
      claimed = repository.claim(instance, now, now.plus(properties.lease()), ask, apiOnly);
    } finally {
      free.release(limit - claimed.size());
      int bulk = (int) claimed.stream().filter(Claimed::bulk).count();
      bulkRunning.addAndGet(bulk - reserved);
    }
    // Each row's thread is given to its run or given back, also if this loop fails part way.
    int handled = 0;
    try {
      for (Claimed row : claimed) {
        if (row.work() == null) {
          free.release();
          bulkDone(row);
          handled++;
          nothingToSend(row);
          continue;
        }
        start(row);
        handled++;
      }
    } finally {
      for (Claimed row : claimed.subList(handled, claimed.size())) {
        bulkDone(row);
      }
      free.release(claimed.size() - handled);
    }
    return claimed.size() == ask;
  }

  /**
   * Whether a job's rows are being stored on any instance, read at most every {@link
   * #STORING_CHECK}; false if it cannot be read.
   */
  private boolean jobStoring() {
    long now = System.nanoTime();
    if (now - storingCheckedAt > STORING_CHECK.toNanos()) {
      storingCheckedAt = now;
      try {
        storing = repository.jobStoring(clock.instant().minus(STORING_STALE));
      } catch (RuntimeException e) {
        storing = false; // the claim that follows fails as well, and is logged
      }
    }
    return storing;
  }

  /** Takes up to {@code most} of the bulk lane's threads while storing; answers how many. */
  private int reserveBulk(int most) {
    while (true) {
      int busy = bulkRunning.get();
      int room = properties.bulkThreadsWhileStoring() - busy;
      if (room <= 0) {
        return 0;
      }
      int take = Math.min(room, most);
      if (bulkRunning.compareAndSet(busy, busy + take)) {
        return take;
      }
    }
  }

  /** A bulk row's thread is free again: while storing, a claim may take another. */
  private void bulkDone(Claimed row) {
    if (row.bulk()) {
      bulkRunning.decrementAndGet();
      if (storing) {
        newDeliveries();
      }
    }
  }

  private void start(Claimed row) {
    running.add(row.id());
    long started = System.nanoTime();
    try {
      runs.execute(() -> run(row, started));
    } catch (RuntimeException e) {
      running.remove(row.id()); // its lease lapses, and any instance claims it again
      throw e; // claimOnce's loop gives its threads back
    }
  }

  /** Takes up to {@code most} free threads at once; answers how many it took. */
  private int takePermits(int most) {
    while (true) {
      int available = free.availablePermits();
      if (available == 0) {
        return 0;
      }
      int take = Math.min(available, most);
      if (free.tryAcquire(take)) {
        return take;
      }
    }
  }

  private void nothingToSend(Claimed row) {
    if (row.created()) {
      handOver.giveUp(row.id(), "its personal data is no longer held");
    } else {
      log.info("Notification {} is no longer waiting to be sent; its queue row goes", row.id());
    }
    repository.remove(row.id(), row.claims());
  }

  private void run(Claimed row, long started) {
    try {
      if (!deliverer.deliver(row.work(), row.claims())) {
        repository.remove(row.id(), row.claims());
      }
    } catch (ProviderException e) {
      if (e.notSent()) {
        putBack(row); // Deliverer has logged it; it is back pressure, not a failed attempt
      } else {
        retryOrGiveUp(row); // Deliverer has logged each provider's failure
      }
    } catch (RuntimeException e) {
      // Without messages: they can quote the recipient or the personalisation.
      log.error("Delivery of notification {} failed", row.id(), RedactedThrowable.of(e));
      retryOrGiveUp(row);
    } catch (Throwable e) {
      // An error such as a stack overflow while rendering counts as an attempt like any other
      // failure instead of ending the thread (and its trace would be a thousand lines long).
      log.error("Delivery of notification {} failed: {}", row.id(), RedactedThrowable.summary(e));
      retryOrGiveUp(row);
    } finally {
      running.remove(row.id());
      held.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      free.release();
      bulkDone(row);
      if (starved) {
        starved = false;
        newDeliveries();
      }
    }
  }

  /**
   * Puts back a row that was never handed over because Herald's connections to the provider were
   * all busy: due again after {@link #BUSY_WAIT}, its attempts as they were, so that a backlog
   * bigger than the connections can carry never makes a technical failure.
   */
  private void putBack(Claimed row) {
    try {
      repository.putBack(row.id(), row.claims(), clock.instant().plus(BUSY_WAIT));
    } catch (RuntimeException e) {
      log.error(
          "Could not put notification {} back in the queue: {}",
          row.id(),
          RedactedThrowable.summary(e));
    }
  }

  private void retryOrGiveUp(Claimed row) {
    int failures = row.attempts() + 1;
    try {
      if (failures >= properties.maxAttempts()) {
        handOver.giveUp(row.id(), "no provider took it in " + failures + " attempts");
        repository.remove(row.id(), row.claims());
        return;
      }
      Duration wait = Backoff.after(failures, properties.initialBackoff(), properties.maxBackoff());
      repository.retryLater(row.id(), row.claims(), clock.instant().plus(wait));
    } catch (RuntimeException e) {
      // The row keeps its lease until it lapses; then any instance claims it again.
      log.error(
          "Could not put notification {} back in the queue: {}",
          row.id(),
          RedactedThrowable.summary(e));
    }
  }

  private void poll() {
    long pollMillis = properties.pollInterval().toMillis();
    while (active) {
      boolean more = false;
      try {
        more = claimOnce();
      } catch (RuntimeException | Error e) {
        log.warn("Could not read the delivery queue: {}", RedactedThrowable.summary(e));
      }
      if (!more) {
        awaitWake(pollMillis);
      }
    }
  }

  private void awaitWake(long millis) {
    synchronized (wake) {
      long until = System.currentTimeMillis() + millis;
      while (!woken && active) {
        long left = until - System.currentTimeMillis();
        if (left <= 0) {
          break;
        }
        try {
          wake.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      woken = false;
    }
  }

  private void heartbeat() {
    if (running.isEmpty()) {
      return;
    }
    try {
      repository.extendLeases(
          instance, List.copyOf(running), clock.instant().plus(properties.lease()));
    } catch (RuntimeException e) {
      log.warn("Could not renew the delivery leases: {}", RedactedThrowable.summary(e));
    }
  }

  @Override
  public void start() {
    runs =
        new ThreadPoolExecutor(
            properties.threads(),
            properties.threads(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            Thread.ofPlatform().name("deliver-", 0).factory());
    runs.allowCoreThreadTimeOut(true);
    heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("delivery-heartbeat").daemon().factory());
    long every = properties.heartbeat().toMillis();
    heartbeats.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    active = true;
    for (int i = 0; i < properties.claimers(); i++) {
      claimers.add(Thread.ofPlatform().name("delivery-queue-" + i).start(this::poll));
    }
  }

  @Override
  public void stop() {
    active = false;
    newDeliveries();
    try {
      for (Thread claimer : claimers) {
        claimer.join(Duration.ofSeconds(10));
      }
      claimers.clear();
      runs.shutdown();
      if (!runs.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("Deliveries still running at shutdown: their leases will lapse");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      heartbeats.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return active;
  }

  private static String instanceName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host
        + "/"
        + ProcessHandle.current().pid()
        + "/"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt());
  }
}
