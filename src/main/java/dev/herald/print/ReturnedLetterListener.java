package dev.herald.print;

import java.util.Collection;
import java.util.UUID;

/**
 * Told, inside the transaction that recorded them, of newly returned letters (their {@code
 * returned_letters} rows), so that the service's {@code returned_letter} callback is queued
 * atomically with them.
 */
public interface ReturnedLetterListener {

  void returned(Collection<UUID> returnedLetterIds);
}
