package dev.herald.antivirus;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says once at start whether uploaded files are scanned and, when they are, whether clamd answers
 * {@code PING}; clamd being down does not stop Herald, whose scans are retried until it answers.
 */
class ScannerStartCheck implements SmartInitializingSingleton {

  static final String NONE =
      "no virus scanner configured (HERALD_CLAMD_ADDRESS); precompiled letters carrying"
          + " JavaScript, launch actions or embedded files are refused";

  private static final Logger log = LoggerFactory.getLogger(ScannerStartCheck.class);

  private final Optional<ClamdScanner> scanner;

  ScannerStartCheck(Optional<ClamdScanner> scanner) {
    this.scanner = scanner;
  }

  /** Pings on a thread of its own, so that an unreachable host does not hold up the start. */
  @Override
  public void afterSingletonsInstantiated() {
    scanner.ifPresentOrElse(
        clamd -> Thread.ofVirtual().name("clamd-ping").start(() -> ping(clamd)),
        () -> log.info(NONE));
  }

  private static void ping(ClamdScanner clamd) {
    try {
      clamd.ping();
      log.info("Virus scanner: {} answered PING", clamd);
    } catch (ScannerUnavailableException e) {
      log.warn(
          "Virus scanner did not answer PING at start: {}; scans will be retried until it does",
          e.getMessage());
    }
  }
}
