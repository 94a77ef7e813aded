package dev.herald.support;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/** Identifiers: time-ordered UUIDv7 for high-volume rows, random UUIDv4 for everything else. */
public final class Ids {

  private static final TimeBasedEpochGenerator V7 = Generators.timeBasedEpochGenerator();

  private Ids() {}

  /** A UUIDv7: sorts by creation time, so inserts land at the right edge of the index. */
  public static UUID timeOrdered() {
    return V7.generate();
  }

  public static UUID random() {
    return UUID.randomUUID();
  }
}
