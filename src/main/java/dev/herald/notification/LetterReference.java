package dev.herald.notification;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A letter's own reference: 16 characters of {@code [0-9A-Z]}, random (notify-letters.md §1.1), the
 * name printers know it by (DVLA's {@code businessIdentifier}, receipt files, returned-letter
 * lists). Not the caller's {@code reference}, which the v2 API shows; 36^16 of them make a clash
 * between two letters as likely as none at all.
 */
public final class LetterReference {

  public static final Pattern FORMAT = Pattern.compile("[0-9A-Z]{16}");
  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

  private LetterReference() {}

  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] reference = new char[16];
    for (int i = 0; i < reference.length; i++) {
      reference[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(reference);
  }
}
