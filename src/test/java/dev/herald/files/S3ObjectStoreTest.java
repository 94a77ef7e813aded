package dev.herald.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

class S3ObjectStoreTest extends ObjectStoreContract {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static S3Server server;

  private final List<S3Client> clients = new ArrayList<>();
  private String bucket;

  @BeforeAll
  static void startServer() {
    server = S3Server.started();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(S3Client::close);
  }

  @Override
  ObjectStore newStore() {
    bucket = server.newBucket();
    return new S3ObjectStore(client(), bucket, true);
  }

  /**
   * Writes into the server's blob store directly, for the listing and deletes over HTTP to page
   * through: 1,100 PUTs over HTTP took 5.7 s on 2 cores, eight at a time.
   */
  @Override
  void putMany(ObjectStore store, String folder, int count) {
    for (int i = 0; i < count; i++) {
      server.putDirectly(bucket, folder + "/" + i + "/rendered.pdf", one(i));
    }
  }

  @Test
  void asksForServerSideEncryptionOnEveryPutUnlessTurnedOff() {
    RecordedRequests recorded = new RecordedRequests();
    S3Client client = recorded.client(server.settings(bucket, TIMEOUT, TIMEOUT));
    clients.add(client);

    new S3ObjectStore(client, bucket, true).put("encrypted", bytes("x"));
    new S3ObjectStore(client, bucket, false).put("plain", bytes("x"));

    assertThat(recorded.all())
        .containsExactly(
            new RecordedRequests.Request("PutObject", "AES256"),
            new RecordedRequests.Request("PutObject", null));
    assertThat(client.headObject(r -> r.bucket(bucket).key("encrypted")).serverSideEncryption())
        .isEqualTo(ServerSideEncryption.AES256);
  }

  @Test
  void deletesAFolderAThousandKeysARequest() {
    putMany(null, "letters/2026-12-09", 2_001);
    RecordedRequests recorded = new RecordedRequests();
    S3Client client = recorded.client(server.settings(bucket, TIMEOUT, TIMEOUT));
    clients.add(client);

    assertThat(new S3ObjectStore(client, bucket, true).deleteFolder("letters/2026-12-09"))
        .isEqualTo(2_001);

    assertThat(recorded.operations())
        .containsExactly(
            "ListObjectsV2",
            "DeleteObjects",
            "ListObjectsV2",
            "DeleteObjects",
            "ListObjectsV2",
            "DeleteObjects");
    assertThat(server.keys(bucket)).isEmpty();
  }

  private S3Client client() {
    S3Client client = S3Clients.of(server.settings(bucket, TIMEOUT, TIMEOUT));
    clients.add(client);
    return client;
  }
}
