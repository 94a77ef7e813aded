package dev.herald.complaint;

import java.util.UUID;

/**
 * Told, inside the transaction that recorded it, of every new complaint, so that the service's
 * callback is queued atomically with it.
 */
public interface ComplaintListener {

  void complained(UUID complaintId);
}
