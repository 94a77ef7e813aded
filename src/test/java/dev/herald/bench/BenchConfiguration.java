package dev.herald.bench;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run measured: the type, the provider, the clients, the database and Herald's settings
 * where they differ from its defaults. Printed at the top of a run and in each of its calibrated
 * lines, so that a pasted result says what it was.
 */
record BenchConfiguration(
    BenchType type,
    String provider,
    String clients,
    String database,
    Map<String, String> settings) {

  /** The same configuration with these clients (one concurrency of several). */
  BenchConfiguration withClients(int clients) {
    return new BenchConfiguration(type, provider, String.valueOf(clients), database, settings);
  }

  /** {@code configuration: sms, outbox provider outbox-sms (Herald's default), 32 clients, …}. */
  String line() {
    return "configuration: " + summary();
  }

  /** A calibrated line's subject: {@code accepted (201) [sms, …, 32 clients, …]}. */
  String subject(String what) {
    return what + " [" + summary() + "]";
  }

  private String summary() {
    String changed =
        settings.isEmpty()
            ? "Herald's default settings"
            : settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ", "Herald settings ", ""));
    return String.join(", ", type.value(), provider, clients + " clients", database, changed);
  }
}
