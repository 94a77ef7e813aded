package dev.herald.print;

/**
 * Something that prints and posts letters: SFTP print batches, a print API in DVLA's shape, the
 * outbox. The print run cuts the letters due into batches of one service and one postage, at most
 * {@link #maxBatchLetters()} each, and hands each batch over in its own task, again until it
 * succeeds or is refused for good.
 */
public interface PrintProvider {

  /** The provider's name, recorded as each letter's {@code sent_by}; its receipts name it too. */
  String name();

  /** The most letters one {@link #send} takes. */
  int maxBatchLetters();

  /**
   * Hands a batch over. Returning means the provider has every letter of the batch except those the
   * outcome rejects (refused for good, or with no PDF: they become {@code technical-failure}); the
   * others become {@code sending}.
   *
   * <p>The same batch may be handed over again, whole: after a crash between the hand-over and
   * Herald recording it, or after a retryable failure part of the way through. A provider makes
   * that harmless from what stays the same (the batch's id and contents, each letter's id): the
   * same file name overwritten, the letter id as the print API's idempotency key.
   *
   * @throws PrintException saying whether trying the batch again may help
   * @throws dev.herald.files.ObjectStoreException when a PDF cannot be read now (tried again)
   */
  PrintOutcome send(PrintBatch batch) throws PrintException;

  /**
   * Whether the letters this provider takes are despatched at once ({@code delivered} with their
   * hand-over): the outbox, which prints nothing, simulates the printer's receipts so.
   */
  default boolean despatchesAtOnce() {
    return false;
  }
}
