package dev.herald.job;

/** The problems of a file as a whole, tested after its rows, in this order. */
public enum FileBanner {
  /** In trial mode, a recipient who is not a team member. */
  TRIAL_RECIPIENTS,
  /** In trial mode, any letter. */
  TRIAL_LETTERS,
  /** More rows than the daily limit has left: {@code Too many recipients}. */
  DAILY_LIMIT,
  /** More international numbers than the international SMS limit has left. */
  INTERNATIONAL_LIMIT
}
