package dev.herald.antivirus;

/** Scans a file for viruses. */
public interface VirusScanner {

  /**
   * The verdict on {@code content}; a scanner out of reach throws {@link
   * ScannerUnavailableException}.
   */
  Verdict scan(byte[] content);
}
