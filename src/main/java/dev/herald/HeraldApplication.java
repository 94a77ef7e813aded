package dev.herald;

import dev.herald.auth.BearerTokens;
import java.time.Instant;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Herald: a notification service wire-compatible with GOV.UK Notify's v2 API. */
@SpringBootApplication
public class HeraldApplication {

  /** The profile active while a command runs; beans that serve or schedule stay out of it. */
  public static final String COMMAND_PROFILE = "command";

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("quickstart")) {
      System.exit(runCommand(args));
    }
    if (args.length > 0 && args[0].equals("token")) {
      System.exit(printToken(args));
    }
    SpringApplication.run(HeraldApplication.class, args);
  }

  /** Prints the bearer token a Notify client would send for the key given, for use with curl. */
  static int printToken(String... args) {
    if (args.length != 2) {
      System.err.println("usage: java -jar herald.jar token API_KEY");
      return 2;
    }
    try {
      System.out.println(BearerTokens.forKey(args[1].strip(), Instant.now()));
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
  }

  /**
   * Runs the command named by the first argument in the application without its web server, on the
   * same database and data directory as the server, and answers its exit code.
   */
  public static int runCommand(String... args) {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(HeraldApplication.class)
            .web(WebApplicationType.NONE)
            .profiles(COMMAND_PROFILE)
            .properties(
                "herald.command=" + args[0],
                "spring.main.banner-mode=off",
                "spring.main.log-startup-info=false",
                "logging.level.root=warn",
                "logging.level.dev.herald=info")
            .run(args);
    return SpringApplication.exit(context);
  }
}
