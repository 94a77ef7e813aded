package dev.herald.antivirus;

/**
 * What a virus scan found.
 *
 * @param clean whether the content matched no signature.
 * @param signature the name of the signature the content matched; null when it is clean.
 */
public record Verdict(boolean clean, String signature) {

  /** The verdict on content that matched no signature. */
  public static final Verdict CLEAN = new Verdict(true, null);

  public Verdict {
    if (clean != (signature == null)) {
      throw new IllegalArgumentException("a verdict names a signature exactly when not clean");
    }
  }

  /** The verdict on content that matched the signature named. */
  public static Verdict infected(String signature) {
    return new Verdict(false, signature);
  }
}
