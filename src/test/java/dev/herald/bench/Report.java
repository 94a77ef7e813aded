package dev.herald.bench;

import java.util.List;

/** The printed results: one table row per concurrency, and where the CPU went. */
final class Report {

  private Report() {}

  static String row(int clients, Measured herald, Measured insert) {
    Phase.Result h = herald.result();
    Phase.Result b = insert.result();
    return String.format(
        "%7d | %10.0f %7.1f %7.1f %7d | %10.0f %7.1f %7.1f %7d | %6.2f",
        clients,
        h.perSecond(),
        h.p50(),
        h.p99(),
        h.errors(),
        b.perSecond(),
        b.p50(),
        b.p99(),
        b.errors(),
        h.perSecond() / b.perSecond());
  }

  static void printTable(List<String> rows) {
    System.out.printf(
        "%n%7s | %10s %7s %7s %7s | %10s %7s %7s %7s | %6s%n",
        "clients",
        "herald/s",
        "p50 ms",
        "p99 ms",
        "errors",
        "inserts/s",
        "p50 ms",
        "p99 ms",
        "errors",
        "ratio");
    System.out.println("-".repeat(96));
    rows.forEach(System.out::println);
  }

  static void printCpu(int clients, Measured herald, Measured insert) {
    System.out.printf("%d clients:%n", clients);
    print("herald", herald);
    print("insert", insert);
    if (herald.result().errors() > 0) {
      System.out.println("  first herald error: " + herald.result().firstError());
    }
  }

  private static void print(String name, Measured m) {
    CpuSample c = m.cpu();
    double s = m.seconds();
    double client = m.result().threadsCpuSeconds() + c.httpClient();
    double total = c.machineBusy() + c.machineIdle();
    System.out.printf(
        "  %s: %,.0f ok/s; cores busy: load generator %.2f, Herald %.2f (of which JIT %.2f,"
            + " GC %.2f), PostgreSQL %.2f, other processes %.2f, idle %.2f (of %.1f);"
            + " %,.0f commits/s, %,.0f WAL fsyncs/s (%.2f per commit)%n",
        name,
        m.result().perSecond(),
        client / s,
        (c.jvm() - client) / s,
        c.jit() / s,
        c.gc() / s,
        c.postgres() / s,
        (c.machineBusy() - c.jvm() - c.postgres()) / s,
        c.machineIdle() / s,
        total / s,
        m.commits() / s,
        m.walSyncs() / s,
        m.commits() == 0 ? 0 : (double) m.walSyncs() / m.commits());
  }
}
