package dev.herald.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name=value} arguments, each possibly several in one string (as exec:java passes). */
final class BenchOptions {

  private BenchOptions() {}

  static Map<String, String> parse(String[] args, String usage) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      for (String part : arg.trim().split("\\s+")) {
        if (part.startsWith("--") && part.contains("=")) {
          options.put(part.substring(2, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
        } else if (!part.isEmpty()) {
          throw new IllegalArgumentException("usage: " + usage);
        }
      }
    }
    return options;
  }
}
