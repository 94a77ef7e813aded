package dev.herald.job;

import dev.herald.files.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The nightly removal of expired upload files with the files on S3 (S3Proxy in the test JVM). */
class ExpiredUploadsOnS3IT extends ExpiredUploadsIT {

  private static final S3Server S3 = S3Server.started();

  @DynamicPropertySource
  static void s3(DynamicPropertyRegistry registry) {
    S3.register(registry, S3.newBucket());
  }

  @AfterAll
  static void stopS3() {
    S3.close();
  }
}
