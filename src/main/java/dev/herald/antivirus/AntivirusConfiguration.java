package dev.herald.antivirus;

import dev.herald.HeraldApplication;
import dev.herald.support.ConditionalOnSetting;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The virus scanner, a {@link ClamdScanner}, present only when {@code HERALD_CLAMD_ADDRESS} is set;
 * callers take an {@code Optional<VirusScanner>}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClamdProperties.class)
class AntivirusConfiguration {

  @Bean
  @ConditionalOnSetting("herald.clamd-address")
  ClamdScanner clamdScanner(ClamdProperties properties) {
    return properties.scanner();
  }

  @Bean
  @Profile("!" + HeraldApplication.COMMAND_PROFILE)
  ScannerStartCheck scannerStartCheck(Optional<ClamdScanner> scanner) {
    return new ScannerStartCheck(scanner);
  }
}
