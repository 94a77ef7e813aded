package dev.herald.files;

import dev.herald.support.HeraldProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The object store: files under the data directory. */
@Configuration(proxyBeanMethods = false)
class FilesConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FilesConfiguration.class);

  @Bean
  ObjectStore objectStore(HeraldProperties properties) {
    FilesystemObjectStore store = new FilesystemObjectStore(properties.dataDir().resolve("files"));
    log.info("files are kept under {}", store.root());
    return store;
  }
}
