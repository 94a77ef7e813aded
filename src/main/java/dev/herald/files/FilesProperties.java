package dev.herald.files;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Herald keeps its files, bound from {@code HERALD_FILES_*} environment variables.
 *
 * @param store the object store: {@code filesystem} (the default) or {@code s3}.
 * @param directory the filesystem store's directory; {@code <HERALD_DATA_DIR>/files} when unset.
 * @param s3 the S3 store's settings, used when the store is {@code s3}.
 */
@ConfigurationProperties("herald.files")
record FilesProperties(Store store, Path directory, S3 s3) {

  /** The kinds of object store. */
  enum Store {
    FILESYSTEM,
    S3
  }

  FilesProperties {
    store = store == null ? Store.FILESYSTEM : store;
    s3 = s3 == null ? new S3(null, null, null, false, null, null, null, null, null) : s3;
    if (store == Store.S3 && s3.bucket() == null) {
      throw new IllegalArgumentException(
          "HERALD_FILES_S3_BUCKET must be set when HERALD_FILES_STORE is s3");
    }
  }

  /** The filesystem store's directory, {@code files} under the data directory by default. */
  Path directoryUnder(Path dataDir) {
    return directory == null ? dataDir.resolve("files") : directory;
  }

  /**
   * Settings of the S3 store.
   *
   * @param bucket the bucket the objects go in; required when the store is {@code s3}.
   * @param endpoint URL of an S3-compatible server to use instead of AWS's endpoint for the region.
   * @param region AWS region of the bucket; {@code eu-west-2} by default.
   * @param pathStyle address the bucket in the path rather than the host name (most S3-compatible
   *     servers want this).
   * @param accessKeyId access key; the AWS default credentials chain is used when blank.
   * @param secretAccessKey secret of the access key.
   * @param serverSideEncryption ask S3 to encrypt every object at rest with AES-256; on by default.
   * @param apiCallTimeout longest one call may take, its retries included; 30 s by default.
   * @param apiCallAttemptTimeout longest one attempt of a call may take; 10 s by default.
   */
  record S3(
      String bucket,
      URI endpoint,
      String region,
      boolean pathStyle,
      String accessKeyId,
      String secretAccessKey,
      Boolean serverSideEncryption,
      Duration apiCallTimeout,
      Duration apiCallAttemptTimeout) {

    S3 {
      bucket = blankToNull(bucket);
      if (endpoint != null
          && !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
        throw new IllegalArgumentException("HERALD_FILES_S3_ENDPOINT must be an http or https URL");
      }
      region = region == null || region.isBlank() ? "eu-west-2" : region.strip();
      accessKeyId = blankToNull(accessKeyId);
      secretAccessKey = blankToNull(secretAccessKey);
      if ((accessKeyId == null) != (secretAccessKey == null)) {
        throw new IllegalArgumentException(
            "HERALD_FILES_S3_ACCESS_KEY_ID and HERALD_FILES_S3_SECRET_ACCESS_KEY go together");
      }
      serverSideEncryption = serverSideEncryption == null || serverSideEncryption;
      apiCallTimeout = apiCallTimeout == null ? Duration.ofSeconds(30) : apiCallTimeout;
      apiCallAttemptTimeout =
          apiCallAttemptTimeout == null ? Duration.ofSeconds(10) : apiCallAttemptTimeout;
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
      return "S3[bucket=%s, endpoint=%s, region=%s, pathStyle=%s, accessKeyId=%s]"
          .formatted(bucket, endpoint, region, pathStyle, accessKeyId);
    }
  }
}
