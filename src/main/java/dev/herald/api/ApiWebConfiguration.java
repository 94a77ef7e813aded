package dev.herald.api;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers take the raw request body ({@link RawBody}), and answers whatever the client's
 * {@code Accept} says, as Notify does: each route has one type (JSON, or the outbox's and the
 * download pages' HTML), and a client asking for another still gets it rather than a 406.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new RawBodyResolver());
  }

  @Override
  public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
    configurer
        .ignoreAcceptHeader(true)
        .defaultContentType(MediaType.APPLICATION_JSON, MediaType.ALL);
  }
}
