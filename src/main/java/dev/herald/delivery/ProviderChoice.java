package dev.herald.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * Which provider takes a message: email providers in order, the next one taking over when one
 * fails; SMS providers at random, weighted by priority, among those that can reach the number.
 */
@Component
class ProviderChoice {

  private final List<EmailProvider> email;
  private final List<SmsProvider> sms;
  private final ProviderPriorities priorities;

  ProviderChoice(List<EmailProvider> email, List<SmsProvider> sms, ProviderPriorities priorities) {
    this.email = List.copyOf(email);
    this.sms = List.copyOf(sms);
    this.priorities = priorities;
  }

  /** Email providers to try, in order; empty when none is configured. */
  List<EmailProvider> emailProviders() {
    return email.stream().filter(p -> priorities.active(p.name())).toList();
  }

  /** SMS providers to try: a weighted random first choice, then the others as fallbacks. */
  List<SmsProvider> smsProviders(boolean international) {
    List<SmsProvider> candidates =
        new ArrayList<>(
            sms.stream()
                .filter(p -> priorities.active(p.name()))
                .filter(p -> !international || p.supportsInternational())
                .toList());
    if (candidates.size() <= 1) {
      return candidates;
    }
    int total = candidates.stream().mapToInt(p -> priorities.priority(p.name())).sum();
    SmsProvider first = candidates.getFirst();
    if (total > 0) {
      int pick = ThreadLocalRandom.current().nextInt(total);
      for (SmsProvider p : candidates) {
        pick -= priorities.priority(p.name());
        if (pick < 0) {
          first = p;
          break;
        }
      }
    }
    candidates.remove(first);
    candidates.addFirst(first);
    return candidates;
  }
}
