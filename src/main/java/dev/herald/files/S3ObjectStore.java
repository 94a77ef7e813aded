package dev.herald.files;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Objects in an S3 bucket (AWS's or an S3-compatible server's): a PUT replaces an object whole, so
 * a reader sees the old object or the new one; a folder goes a page of 1,000 keys at a time.
 */
class S3ObjectStore implements ObjectStore, AutoCloseable {

  /** The most keys one DeleteObjects takes, and so the page asked of ListObjectsV2. */
  private static final int BATCH = 1_000;

  private final S3Client client;
  private final String bucket;
  private final boolean serverSideEncryption;

  S3ObjectStore(S3Client client, String bucket, boolean serverSideEncryption) {
    this.client = client;
    this.bucket = bucket;
    this.serverSideEncryption = serverSideEncryption;
  }

  @Override
  public void put(String key, byte[] content) {
    put(key, RequestBody.fromBytes(content));
  }

  @Override
  public void put(String key, InputStream content, long length) {
    put(key, RequestBody.fromInputStream(content, length));
  }

  private void put(String key, RequestBody body) {
    var request = PutObjectRequest.builder().bucket(bucket).key(ObjectKeys.check(key));
    if (serverSideEncryption) {
      request.serverSideEncryption(ServerSideEncryption.AES256);
    }
    try {
      client.putObject(request.build(), body);
    } catch (SdkException e) {
      throw failure("store", key, e);
    } catch (IllegalStateException e) {
      // A stream that failed part way cannot be sent again: the SDK's retry says so.
      throw new ObjectStoreException(
          "could not store %s in S3 bucket %s: its content could not be read again"
              .formatted(key, bucket),
          e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    ObjectKeys.check(key);
    try {
      return Optional.of(client.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
    } catch (NoSuchKeyException absent) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public Optional<InputStream> open(String key) {
    ObjectKeys.check(key);
    try {
      return Optional.of(client.getObject(r -> r.bucket(bucket).key(key)));
    } catch (NoSuchKeyException absent) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public void delete(String key) {
    ObjectKeys.check(key);
    try {
      client.deleteObject(r -> r.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw failure("delete", key, e);
    }
  }

  /** Deletes each page of keys as it is listed, one DeleteObjects for each. */
  @Override
  public int deleteFolder(String folder) {
    String prefix = ObjectKeys.check(folder) + "/";
    int deleted = 0;
    try {
      var pages =
          client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix).maxKeys(BATCH));
      for (var page : pages) {
        if (!page.contents().isEmpty()) {
          deleted += deleteAll(page.contents());
        }
      }
      return deleted;
    } catch (SdkException e) {
      throw failure("delete the folder", folder + " after " + deleted + " objects", e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    ObjectKeys.checkPrefix(prefix);
    try {
      return client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
          .map(S3Object::key)
          .sorted()
          .toList();
    } catch (SdkException e) {
      throw failure("list", prefix, e);
    }
  }

  /** Closes the SDK client and its HTTP connections. */
  @Override
  public void close() {
    client.close();
  }

  private int deleteAll(List<S3Object> objects) {
    List<ObjectIdentifier> keys =
        objects.stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
    DeleteObjectsResponse response =
        client.deleteObjects(
            r -> r.bucket(bucket).delete(Delete.builder().objects(keys).quiet(true).build()));
    if (response.hasErrors() && !response.errors().isEmpty()) {
      S3Error first = response.errors().getFirst();
      throw new ObjectStoreException(
          "S3 bucket %s did not delete %d of %d objects, %s first: %s %s"
              .formatted(
                  bucket,
                  response.errors().size(),
                  keys.size(),
                  first.key(),
                  first.code(),
                  first.message()),
          null);
    }
    return keys.size();
  }

  private ObjectStoreException failure(String action, String key, SdkException e) {
    return new ObjectStoreException(
        "could not %s %s in S3 bucket %s: %s".formatted(action, key, bucket, e.getMessage()), e);
  }
}
