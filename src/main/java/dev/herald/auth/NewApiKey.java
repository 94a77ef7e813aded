package dev.herald.auth;

import dev.herald.support.Ids;
import java.util.Locale;
import java.util.UUID;

/** A key about to be created, with the only copy of its secret outside the database. */
public record NewApiKey(UUID id, UUID serviceId, String name, KeyType type, String secret) {

  /** A key with a random id and secret, named as Notify stores key names. */
  public static NewApiKey generate(UUID serviceId, String name, KeyType type) {
    return new NewApiKey(
        Ids.random(), serviceId, safeName(name), type, UUID.randomUUID().toString());
  }

  /** The stored form of a key name: stripped, lower case, each run of whitespace one underscore. */
  public static String safeName(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
  }

  /** The string Notify's clients take: {@code {name}-{service_id}-{secret}}. */
  public String keyString() {
    return name + "-" + serviceId + "-" + secret;
  }

  @Override
  public String toString() {
    return "NewApiKey[" + id + ", " + type + "]";
  }
}
