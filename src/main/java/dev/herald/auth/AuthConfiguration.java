package dev.herald.auth;

import dev.herald.service.ServiceCache;
import java.time.Clock;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts API-key authentication in front of the v2 API. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration implements WebMvcConfigurer {

  private final ServiceCache services;
  private final ApiKeyCache keys;
  private final Clock clock;

  AuthConfiguration(ServiceCache services, ApiKeyCache keys, Clock clock) {
    this.services = services;
    this.keys = keys;
    this.clock = clock;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ApiKeyInterceptor(services, keys, clock)).addPathPatterns("/v2/**");
  }
}
