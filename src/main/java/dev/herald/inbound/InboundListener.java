package dev.herald.inbound;

import java.util.UUID;

/**
 * Told, inside the transaction that stored it, of every received text, so that the service's
 * callback is queued atomically with it.
 */
public interface InboundListener {

  void received(UUID inboundSmsId);
}
