package dev.herald.admin;

import dev.herald.support.AdminToken;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the admin token check in front of the admin API. */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration implements WebMvcConfigurer {

  private final AdminToken token;

  AdminConfiguration(AdminToken token) {
    this.token = token;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new AdminTokenInterceptor(token)).addPathPatterns("/admin/**");
  }
}
