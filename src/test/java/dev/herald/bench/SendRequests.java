package dev.herald.bench;

import dev.herald.testdata.Http;
import dev.herald.testdata.Tokens;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code POST /v2/notifications/email} or {@code /sms} as an official client sends it: an HS256 JWT
 * issued this second, over HTTP/1.1 keep-alive connections. The clients sign a token for every
 * request; with {@code iat} in whole seconds, every token signed in one second is the same text, so
 * the one signed first in each second is reused: the same bytes on the wire for a fraction of the
 * CPU.
 */
final class SendRequests implements Phase.Operation {

  /** The token signed for one second of {@code iat}. */
  private record Signed(long second, String authorization) {}

  private final BlockingHttp client;
  private final String key;
  private final UUID templateId;
  private final BenchType type;
  private final AtomicReference<Signed> signed = new AtomicReference<>(new Signed(-1, ""));
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();

  SendRequests(String root, String key, UUID templateId, BenchType type) {
    URI uri = URI.create(root);
    this.client = new BlockingHttp(uri.getHost(), uri.getPort());
    this.key = key;
    this.templateId = templateId;
    this.type = type;
  }

  @Override
  public void run() throws Exception {
    long n = sequence.incrementAndGet();
    String body =
        Http.json(
            Map.of(
                type.recipientField(),
                type.recipient(n),
                "template_id",
                templateId.toString(),
                "reference",
                "bench-" + n,
                "personalisation",
                Map.of("name", "Ada", "reference", "R" + n)));
    BlockingHttp.Response response = client.post(type.path(), authorization(), body);
    if (response.status() != 201) {
      throw new IllegalStateException(response.status() + " " + response.body());
    }
    accepted.incrementAndGet();
  }

  /** "Bearer …" with a token issued this second, signed once per second. */
  private String authorization() {
    long second = Instant.now().getEpochSecond();
    Signed current = signed.get();
    if (current.second() != second) {
      current = new Signed(second, "Bearer " + Tokens.token(key, Instant.ofEpochSecond(second)));
      signed.set(current);
    }
    return current.authorization();
  }

  /** Every 201 so far, warm-up included: the rows that must be in the database. */
  long accepted() {
    return accepted.get();
  }
}
