package dev.herald.api;

import org.apache.catalina.Host;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat answers its own refusals in the v2 envelope too ({@link EnvelopeErrorReportValve}). */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeErrorReports() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              Host host = (Host) context.getParent();
              if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
              }
            });
  }
}
