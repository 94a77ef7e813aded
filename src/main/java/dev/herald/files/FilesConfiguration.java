package dev.herald.files;

import dev.herald.support.HeraldProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one object store, the filesystem or S3 as {@code herald.files.store} says. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FilesProperties.class)
class FilesConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FilesConfiguration.class);

  @Bean
  ObjectStore objectStore(FilesProperties files, HeraldProperties herald) {
    return switch (files.store()) {
      case FILESYSTEM -> filesystem(files, herald);
      case S3 -> s3(files.s3());
    };
  }

  private static ObjectStore filesystem(FilesProperties files, HeraldProperties herald) {
    var store = new FilesystemObjectStore(files.directoryUnder(herald.dataDir()));
    log.info("Files are kept in the filesystem under {}", store.root());
    return store;
  }

  private static ObjectStore s3(FilesProperties.S3 settings) {
    log.info(
        "Files are kept in S3 bucket {} at {} (region {}, server-side encryption {})",
        settings.bucket(),
        settings.endpoint() == null ? "AWS" : settings.endpoint(),
        settings.region(),
        settings.serverSideEncryption() ? "on" : "off");
    return new S3ObjectStore(
        S3Clients.of(settings), settings.bucket(), settings.serverSideEncryption());
  }
}
