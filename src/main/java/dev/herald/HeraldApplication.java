package dev.herald;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Herald: a notification service wire-compatible with GOV.UK Notify's v2 API. */
@SpringBootApplication
public class HeraldApplication {

  public static void main(String[] args) {
    SpringApplication.run(HeraldApplication.class, args);
  }
}
