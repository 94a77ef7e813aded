package dev.herald.files;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server (S3Proxy on its in-memory blob store) on a free loopback port, which
 * can be stopped and started again on the same port with its objects kept.
 */
public final class S3Server implements AutoCloseable {

  public static final String ACCESS_KEY = "herald-test";
  public static final String SECRET_KEY = "herald-test-secret";

  private final BlobStore blobs = new TransientNio2BlobStore();
  private int port;
  private S3Proxy proxy;

  /** Starts a server on a port the system chooses. */
  public static S3Server started() {
    S3Server server = new S3Server();
    server.start();
    return server;
  }

  void start() {
    proxy =
        S3Proxy.builder()
            .blobStore(blobs)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .stopTimeout(0)
            .build();
    try {
      proxy.start();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start on port " + port, e);
    }
    port = proxy.getPort();
  }

  void stop() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** A new empty bucket. */
  public String newBucket() {
    String bucket = "herald-" + UUID.randomUUID();
    blobs.createContainer(bucket);
    return bucket;
  }

  /** Stores an object straight into the blob store, without a request. */
  void putDirectly(String bucket, String key, byte[] content) {
    var request =
        PutObjectRequest.builder().bucket(bucket).key(key).contentLength((long) content.length);
    blobs.putBlob(request.build(), new ByteArrayInputStream(content));
  }

  /** The keys in {@code bucket}, read from the blob store. */
  public List<String> keys(String bucket) {
    return blobs.list(bucket).contents().stream().map(S3Object::key).toList();
  }

  /** Points Herald's object store at {@code bucket} on this server, with short timeouts. */
  public void register(DynamicPropertyRegistry registry, String bucket) {
    registry.add("herald.files.store", () -> "s3");
    registry.add("herald.files.s3.bucket", () -> bucket);
    registry.add("herald.files.s3.endpoint", () -> endpoint().toString());
    registry.add("herald.files.s3.path-style", () -> "true");
    registry.add("herald.files.s3.access-key-id", () -> ACCESS_KEY);
    registry.add("herald.files.s3.secret-access-key", () -> SECRET_KEY);
    // Short enough for an outage to show quickly, long enough for a loaded machine's first call.
    registry.add("herald.files.s3.api-call-timeout", () -> "10s");
    registry.add("herald.files.s3.api-call-attempt-timeout", () -> "3s");
  }

  /** Settings of the S3 store for {@code bucket} on this server. */
  FilesProperties.S3 settings(String bucket, Duration callTimeout, Duration attemptTimeout) {
    return new FilesProperties.S3(
        bucket,
        endpoint(),
        "eu-west-2",
        true,
        ACCESS_KEY,
        SECRET_KEY,
        true,
        callTimeout,
        attemptTimeout);
  }

  @Override
  public void close() {
    stop();
  }
}
