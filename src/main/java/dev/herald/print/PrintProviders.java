package dev.herald.print;

import java.util.List;

/**
 * The one print provider letters go to: the one configured (SFTP print batches, a print API), or
 * the outbox when none is. Two configured at once is a configuration error, found at start.
 */
public final class PrintProviders {

  static final String OUTBOX = "outbox";

  private final PrintProvider current;

  PrintProviders(List<PrintProvider> all) {
    List<PrintProvider> configured = all.stream().filter(p -> !OUTBOX.equals(p.name())).toList();
    if (configured.size() > 1) {
      throw new IllegalStateException(
          "More than one print provider is configured ("
              + String.join(", ", configured.stream().map(PrintProvider::name).toList())
              + "): set the settings of one only");
    }
    this.current =
        configured.isEmpty()
            ? all.stream()
                .filter(p -> OUTBOX.equals(p.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No print provider"))
            : configured.getFirst();
  }

  public PrintProvider current() {
    return current;
  }
}
