package dev.herald.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.support.HeraldProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class FilesConfigurationTest {

  private static S3Server server;

  @TempDir Path dataDir;

  @BeforeAll
  static void startServer() {
    server = S3Server.started();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withUserConfiguration(FilesConfiguration.class, HeraldSettings.class)
        .withPropertyValues("herald.data-dir=" + dataDir);
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(HeraldProperties.class)
  static class HeraldSettings {}

  @Test
  void keepsFilesUnderTheDataDirectoryByDefault() {
    runner()
        .run(
            context -> {
              assertThat(context.getBean(ObjectStore.class))
                  .isInstanceOfSatisfying(
                      FilesystemObjectStore.class,
                      store -> assertThat(store.root()).isEqualTo(dataDir.resolve("files")));
            });
  }

  @Test
  void keepsFilesInTheDirectoryGiven() {
    runner()
        .withPropertyValues(
            "herald.files.store=filesystem", "herald.files.directory=" + dataDir.resolve("pdfs"))
        .run(
            context -> {
              var store = (FilesystemObjectStore) context.getBean(ObjectStore.class);
              assertThat(store.root()).isEqualTo(dataDir.resolve("pdfs"));
            });
  }

  @Test
  void keepsFilesInTheS3BucketGivenAtTheEndpointGiven() {
    String bucket = server.newBucket();
    runner()
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new SystemEnvironmentPropertySource(
                            "test-systemEnvironment",
                            Map.of(
                                "HERALD_FILES_STORE", "s3",
                                "HERALD_FILES_S3_BUCKET", bucket,
                                "HERALD_FILES_S3_ENDPOINT", server.endpoint().toString(),
                                "HERALD_FILES_S3_REGION", "eu-west-1",
                                "HERALD_FILES_S3_PATH_STYLE", "true",
                                "HERALD_FILES_S3_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
                                "HERALD_FILES_S3_SECRET_ACCESS_KEY", S3Server.SECRET_KEY,
                                "HERALD_FILES_S3_SERVER_SIDE_ENCRYPTION", "false",
                                "HERALD_FILES_S3_API_CALL_TIMEOUT", "5s",
                                "HERALD_FILES_S3_API_CALL_ATTEMPT_TIMEOUT", "2s"))))
        .run(
            context -> {
              FilesProperties.S3 s3 = context.getBean(FilesProperties.class).s3();
              assertThat(s3.region()).isEqualTo("eu-west-1");
              assertThat(s3.serverSideEncryption()).isFalse();
              assertThat(s3.apiCallTimeout()).isEqualTo(Duration.ofSeconds(5));
              assertThat(s3.apiCallAttemptTimeout()).isEqualTo(Duration.ofSeconds(2));
              assertThat(s3.toString()).doesNotContain(S3Server.SECRET_KEY);
              ObjectStore store = context.getBean(ObjectStore.class);
              assertThat(store).isInstanceOf(S3ObjectStore.class);
              store.put("letters/a.pdf", new byte[] {1, 2});
              assertThat(store.get("letters/a.pdf")).hasValue(new byte[] {1, 2});
            });
  }

  @Test
  void theShippedDefaultsAreTheSettingsDefaults() {
    runner()
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .run(
            context ->
                assertThat(context.getBean(FilesProperties.class))
                    .usingRecursiveComparison()
                    .isEqualTo(new FilesProperties(null, null, null)));
    FilesProperties.S3 defaults = new FilesProperties(null, null, null).s3();
    assertThat(defaults.region()).isEqualTo("eu-west-2");
    assertThat(defaults.pathStyle()).isFalse();
    assertThat(defaults.serverSideEncryption()).isTrue();
    assertThat(defaults.apiCallTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.apiCallAttemptTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void refusesToStartWithS3AndNoBucket() {
    runner()
        .withPropertyValues("herald.files.store=s3")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("HERALD_FILES_S3_BUCKET must be set"));
  }

  @Test
  void refusesToStartWithAnUnknownStore() {
    runner()
        .withPropertyValues("herald.files.store=floppy")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("herald.files.store")
                    .hasStackTraceContaining("floppy"));
  }

  @Test
  void refusesToStartWithAnAccessKeyButNoSecret() {
    runner()
        .withPropertyValues(
            "herald.files.store=s3", "herald.files.s3.bucket=b", "herald.files.s3.access-key-id=k")
        .run(
            context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("go together"));
  }
}
