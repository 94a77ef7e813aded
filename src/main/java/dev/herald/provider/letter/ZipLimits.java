package dev.herald.provider.letter;

/**
 * How full one ZIP of a batch may get, as Notify cut its print ZIPs: at most {@code maxFiles} PDFs
 * and {@code maxBytes} of them (the PDFs' own sizes); a PDF larger than {@code maxBytes} goes
 * alone.
 */
record ZipLimits(int maxFiles, long maxBytes) {

  ZipLimits {
    if (maxFiles < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("a ZIP must hold at least one file of at least one byte");
    }
  }

  /** Whether a ZIP holding {@code files} PDFs of {@code bytes} in all is closed before the next. */
  boolean full(int files, long bytes, long nextBytes) {
    return files > 0 && (files >= maxFiles || bytes + nextBytes > maxBytes);
  }
}
