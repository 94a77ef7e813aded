package dev.herald.callback;

import java.io.Serializable;
import java.time.Instant;

/**
 * How far a callback's attempts have gone: the data of its task from the first failure on (before
 * the first attempt the task has none).
 */
record CallbackRetry(int attempts, Instant firstAttemptAt) implements Serializable {}
