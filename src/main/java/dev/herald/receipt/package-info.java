/** Provider receipts and received messages: status changes along allowed transitions only. */
package dev.herald.receipt;
