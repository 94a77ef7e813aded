package dev.herald.auth;

import dev.herald.service.ServiceCache;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts API-key authentication in front of the v2 API and gives its handlers the caller. */
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
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new AuthenticatedKeyResolver());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ApiKeyInterceptor(services, keys, clock)).addPathPatterns("/v2/**");
  }
}
