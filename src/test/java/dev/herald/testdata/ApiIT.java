package dev.herald.testdata;

import dev.herald.support.HeraldProperties;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Base of whole-application tests: Herald on a random port, the embedded PostgreSQL, a settable
 * clock. Each test makes its own services, so tests need no clean-up between them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
public abstract class ApiIT {

  @LocalServerPort protected int port;
  @Autowired protected MutableClock clock;
  @Autowired protected HeraldProperties properties;

  protected Http http;
  protected Herald herald;

  @BeforeEach
  void connect() {
    clock.reset();
    http = new Http(port);
    herald = new Herald(http, properties.dataDir());
  }

  protected String baseUrl() {
    return http.root();
  }
}
