package dev.herald.print;

import dev.herald.letter.LetterTimings;
import dev.herald.print.PrintRunRepository.Due;
import dev.herald.print.PrintRunRepository.Planned;
import dev.herald.support.TaskQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The print run of a London working day (notify-letters.md §3.3, §4.3): at its 17:30 deadline it
 * takes every live letter still {@code created}, with its PDF made, from before the deadline and in
 * no batch (older ones that missed a run included), cuts them into batches of one service and one
 * postage of at most the provider's batch size, and queues each batch's hand-over ({@link
 * PrintBatches}), all in one transaction. A day has one run: one started late finds the same
 * letters, one started twice, or again, finds the day's run made and takes nothing.
 */
@Component
public class PrintRuns {

  /** What a run took. */
  public record Summary(UUID runId, LocalDate runDay, int letters, int sheets, int batches) {}

  private static final Logger log = LoggerFactory.getLogger(PrintRuns.class);

  private final PrintRunRepository runs;
  private final PrintProviders providers;
  private final TaskQueue tasks;
  private final ObjectMapper json;
  private final Clock clock;

  PrintRuns(
      PrintRunRepository runs,
      PrintProviders providers,
      TaskQueue tasks,
      ObjectMapper json,
      Clock clock) {
    this.runs = runs;
    this.providers = providers;
    this.tasks = tasks;
    this.json = json;
    this.clock = clock;
  }

  /** Makes the run of {@code runDay}; empty when it is no print day or its run was made. */
  @Transactional
  public Optional<Summary> run(LocalDate runDay) {
    if (!LetterTimings.isPrintDay(runDay)) {
      log.info("No print run on {}: not a working day", runDay);
      return Optional.empty();
    }
    Instant deadline = LetterTimings.printDeadline(runDay);
    PrintProvider provider = providers.current();
    Instant now = clock.instant();
    UUID runId = runs.start(runDay, deadline, provider.name(), now).orElse(null);
    if (runId == null) {
      log.info("Print run of {} was made already", runDay);
      return Optional.empty();
    }
    List<Due> due = runs.due(deadline);
    List<Planned> batches = new ArrayList<>();
    List<UUID> letters = new ArrayList<>(due.size());
    List<UUID> batchOfLetter = new ArrayList<>(due.size());
    Map<String, Map<String, Integer>> byPostage = new LinkedHashMap<>();
    int sheets = 0;
    int size = Math.max(1, provider.maxBatchLetters());
    for (int from = 0; from < due.size(); ) {
      Due first = due.get(from);
      int to = from;
      int batchSheets = 0;
      while (to < due.size() && to - from < size && sameGroup(first, due.get(to))) {
        batchSheets += due.get(to).sheets();
        to++;
      }
      UUID batchId = UUID.randomUUID();
      batches.add(
          new Planned(
              batchId,
              batches.size() + 1,
              first.serviceId(),
              first.postage(),
              to - from,
              batchSheets));
      for (Due letter : due.subList(from, to)) {
        letters.add(letter.id());
        batchOfLetter.add(batchId);
      }
      Map<String, Integer> counts =
          byPostage.computeIfAbsent(
              first.postage(), p -> new LinkedHashMap<>(Map.of("letters", 0, "sheets", 0)));
      counts.merge("letters", to - from, Integer::sum);
      counts.merge("sheets", batchSheets, Integer::sum);
      sheets += batchSheets;
      from = to;
    }
    runs.plan(runId, batches, letters, batchOfLetter);
    runs.recordTotals(runId, letters.size(), sheets, json.writeValueAsString(byPostage));
    for (Planned batch : batches) {
      tasks.enqueue(PrintBatches.TASK, batch.id().toString(), now, PrintBatches.PRIORITY);
    }
    log.info(
        "Print run of {} for {}: {} letters, {} sheets, {} batches",
        runDay,
        provider.name(),
        letters.size(),
        sheets,
        batches.size());
    return Optional.of(new Summary(runId, runDay, letters.size(), sheets, batches.size()));
  }

  private static boolean sameGroup(Due a, Due b) {
    return a.serviceId().equals(b.serviceId()) && Objects.equals(a.postage(), b.postage());
  }
}
