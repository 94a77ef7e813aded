package dev.herald.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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

  /** The option {@code name} as one of the constants of {@code fallback}'s enum, in lower case. */
  static <E extends Enum<E>> E choice(Map<String, String> options, String name, E fallback) {
    String value = options.get(name);
    if (value == null) {
      return fallback;
    }
    E[] constants = fallback.getDeclaringClass().getEnumConstants();
    return Arrays.stream(constants)
        .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--"
                        + name
                        + " must be one of "
                        + Arrays.stream(constants)
                            .map(c -> c.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "))
                        + ", not "
                        + value));
  }

  /** The options with a dot in their name: Herald settings that override application.yml. */
  static Map<String, String> heraldSettings(Map<String, String> options) {
    Map<String, String> settings = new LinkedHashMap<>();
    options.forEach(
        (name, value) -> {
          if (name.contains(".")) {
            settings.put(name, value);
          }
        });
    return settings;
  }
}
