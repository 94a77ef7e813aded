package dev.herald.letter;

import dev.herald.antivirus.Verdict;
import dev.herald.antivirus.VirusScanner;
import dev.herald.letter.LetterFiles.Kind;
import dev.herald.letter.LetterRepository.ToRender;
import dev.herald.notification.NotificationStatus;
import dev.herald.service.ServiceCache;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A precompiled letter after its POST (notify-letters.md §1.2): its PDF as sent is scanned, then
 * checked by Notify's rules ({@link PrecompiledCheck}); one that passes is kept sanitised, with the
 * address read from its window as its recipient and its sheets counted, {@code created} (a test
 * key's {@code delivered}); one that fails is {@code validation-failed} with Notify's reason, its
 * PDF kept as sent. The scanner is clamd when one is configured; without one, a PDF that carries
 * JavaScript, launch actions or embedded files is refused as one with a virus would be.
 */
@Component
class PrecompiledLetters {

  private static final Logger log = LoggerFactory.getLogger(PrecompiledLetters.class);

  private final LetterRepository letters;
  private final LetterFiles files;
  private final ServiceCache services;
  private final VirusScanner scanner;
  private final Clock clock;

  PrecompiledLetters(
      LetterRepository letters,
      LetterFiles files,
      ServiceCache services,
      ObjectProvider<VirusScanner> scanners,
      Clock clock) {
    this.letters = letters;
    this.files = files;
    this.services = services;
    this.scanner = scanners.getIfAvailable();
    this.clock = clock;
  }

  /** What the scan found: clamd's signature, or without clamd the active content. */
  private Optional<String> scan(byte[] pdf) {
    if (scanner == null) {
      return ActiveContent.find(pdf).map(active -> "it carries " + active);
    }
    Verdict verdict = scanner.scan(pdf);
    return verdict.clean() ? Optional.empty() : Optional.of(verdict.signature());
  }

  /** Scans and checks the letter, which is still {@code pending-virus-check}. */
  void process(ToRender letter, Semaphore cores) {
    byte[] original =
        files
            .get(letter.expiresOn(), letter.id(), Kind.ORIGINAL)
            .orElseThrow(() -> new IllegalStateException("No PDF kept for letter " + letter.id()));
    Optional<String> found = scan(original);
    Instant now = clock.instant();
    if (found.isPresent()) {
      log.info("Precompiled letter {} refused by the virus scan: {}", letter.id(), found.get());
      letters.virusScanFailed(letter.id(), letter.expiresOn(), now);
      return;
    }
    boolean international =
        services.find(letter.serviceId()).map(s -> s.can("international_letters")).orElse(false);
    PrecompiledOutcome outcome;
    cores.acquireUninterruptibly();
    try {
      outcome = PrecompiledCheck.check(original, international);
    } finally {
      cores.release();
    }
    if (!outcome.passed()) {
      letters.validationFailed(
          letter.id(),
          letter.expiresOn(),
          outcome.message(),
          outcome.invalidPages(),
          outcome.pageCount(),
          now);
      return;
    }
    files.put(letter.expiresOn(), letter.id(), Kind.SANITISED, outcome.sanitised());
    boolean test = "test".equals(letter.keyType());
    letters.passed(
        letter.id(),
        letter.expiresOn(),
        outcome.pageCount(),
        (outcome.pageCount() + 1) / 2,
        test ? NotificationStatus.DELIVERED : NotificationStatus.CREATED,
        outcome.address(),
        now);
  }
}
