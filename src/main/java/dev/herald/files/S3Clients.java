package dev.herald.files;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client of the S3 store from its settings. */
final class S3Clients {

  private S3Clients() {}

  /**
   * A client whose calls fail within the settings' timeouts when S3 is out of reach; the SDK's
   * standard retries (3 attempts, backoff) happen inside the call's timeout.
   */
  static S3Client of(FilesProperties.S3 settings) {
    return builder(settings).build();
  }

  /** The builder of {@link #of}, for a test to add to. */
  static S3ClientBuilder builder(FilesProperties.S3 settings) {
    S3ClientBuilder client =
        S3Client.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials(settings))
            .forcePathStyle(settings.pathStyle())
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(settings.apiCallAttemptTimeout())
                    .socketTimeout(settings.apiCallAttemptTimeout()))
            .overrideConfiguration(
                c ->
                    c.apiCallTimeout(settings.apiCallTimeout())
                        .apiCallAttemptTimeout(settings.apiCallAttemptTimeout()));
    if (settings.endpoint() != null) {
      client.endpointOverride(settings.endpoint());
    }
    return client;
  }

  private static AwsCredentialsProvider credentials(FilesProperties.S3 settings) {
    if (settings.accessKeyId() == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
  }
}
