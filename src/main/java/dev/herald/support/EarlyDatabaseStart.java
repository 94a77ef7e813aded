package dev.herald.support;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Begins opening the database ({@link DatabaseStart}) once the application's context is prepared
 * (its settings complete, a test's included) and before it is refreshed, where Spring parses the
 * configuration classes. Registered in {@code META-INF/spring.factories}.
 */
public final class EarlyDatabaseStart implements ApplicationListener<ApplicationPreparedEvent> {

  static final String BEAN = "databaseStart";

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    ConfigurableApplicationContext context = event.getApplicationContext();
    ConfigurableListableBeanFactory beans = context.getBeanFactory();
    if (beans.containsSingleton(BEAN)) {
      return;
    }
    HeraldProperties properties =
        Binder.get(context.getEnvironment()).bindOrCreate("herald", HeraldProperties.class);
    DatabaseStart start = DatabaseStart.begin(properties, context.getClassLoader());
    beans.registerSingleton(BEAN, start);
    if (beans instanceof DefaultSingletonBeanRegistry registry) {
      // Closes what no bean took, if the context fails before needing the database.
      registry.registerDisposableBean(BEAN, start);
    }
  }
}
