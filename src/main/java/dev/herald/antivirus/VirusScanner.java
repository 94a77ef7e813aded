package dev.herald.antivirus;

/**
 * Scans a file for viruses; a bean only when {@code HERALD_CLAMD_ADDRESS} is set, so callers inject
 * an {@code Optional<VirusScanner>} and treat an empty one as "no scanner configured".
 */
public interface VirusScanner {

  /**
   * Answers whether the content is clean, or the name of the signature it matched.
   *
   * @throws ScannerUnavailableException when the scanner cannot be reached, takes too long or
   *     answers with an error; the scan may be retried later.
   */
  Verdict scan(byte[] content);
}
