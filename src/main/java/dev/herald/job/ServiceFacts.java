package dev.herald.job;

import java.util.Collection;
import java.util.List;

/**
 * What the check of a file needs to know about the service sending it, as Notify's admin passes it
 * to {@code RecipientCSV}.
 *
 * @param trialMode whether the service is in trial mode (restricted)
 * @param guestList in trial mode, the team members' email addresses and phone numbers, as written
 * @param internationalSms the service has the {@code international_sms} permission
 * @param smsToUkLandlines the service has the {@code sms_to_uk_landlines} permission
 * @param internationalLetters the service has the {@code international_letters} permission
 * @param remainingMessages today's daily limit for the template's type, less what was sent today
 * @param remainingInternationalSms today's international SMS limit, less what was sent today
 */
public record ServiceFacts(
    boolean trialMode,
    Collection<String> guestList,
    boolean internationalSms,
    boolean smsToUkLandlines,
    boolean internationalLetters,
    long remainingMessages,
    long remainingInternationalSms) {

  public ServiceFacts {
    guestList = List.copyOf(guestList);
  }

  /** A live service with every permission and no limit left unchecked: for processing a job. */
  public static ServiceFacts unrestricted() {
    return new ServiceFacts(false, List.of(), true, true, true, Long.MAX_VALUE, Long.MAX_VALUE);
  }
}
