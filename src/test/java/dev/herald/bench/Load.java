package dev.herald.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, printed beside the figures measured while it held. */
final class Load {

  private Load() {}

  /** The JVM's cores, version and heap, and the load average, before a benchmark's figures. */
  static void printMachine() {
    System.out.printf(
        "machine: %d cores (availableProcessors), JDK %s, max heap %d MB%n%s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        HeapSampler.maxHeapMb(),
        now());
  }

  /** "load average 1.20 0.90 0.70 (1, 5, 15 min)", from /proc/loadavg. */
  static String now() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return "load average " + fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min)";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
