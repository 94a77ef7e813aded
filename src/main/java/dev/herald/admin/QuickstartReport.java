package dev.herald.admin;

import dev.herald.auth.NewApiKey;
import dev.herald.service.Service;
import dev.herald.template.Template;

/** What {@code herald quickstart} made, as the block it prints: one {@code label value} a line. */
record QuickstartReport(
    Service service,
    Template email,
    Template sms,
    NewApiKey testKey,
    NewApiKey liveKey,
    String adminToken) {

  static final String EMAIL = "Hello ((name)),\n\nThis is your first message from Herald.";
  static final String SMS = "Hello ((name)), this is Herald.";

  static final String SERVICE_ID = "Service id";
  static final String EMAIL_TEMPLATE_ID = "Email template id";
  static final String SMS_TEMPLATE_ID = "SMS template id";
  static final String TEST_KEY = "Test API key";
  static final String LIVE_KEY = "Live API key";
  static final String ADMIN_TOKEN = "Admin token file";

  String text() {
    return """

        Herald quickstart: created the live service "%s"

          %-18s  %s
          %-18s  %s
          %-18s  %s
          %-18s  %s
          %-18s  %s
          %-18s  %s

        The keys are shown only now: keep them safe. The test key sends nothing to real
        people; the live key does. Start Herald (./mvnw spring-boot:run) and give a Notify
        client a key and Herald's address, or use the admin token for /admin/services/%s.

        """
        .formatted(
            service.name(),
            SERVICE_ID,
            service.id(),
            EMAIL_TEMPLATE_ID,
            email.id(),
            SMS_TEMPLATE_ID,
            sms.id(),
            TEST_KEY,
            testKey.keyString(),
            LIVE_KEY,
            liveKey.keyString(),
            ADMIN_TOKEN,
            adminToken,
            service.id());
  }
}
