/**
 * Printing letters: the print run at 17:30 London, the print providers' contract, their receipts,
 * cancelled and returned letters.
 */
package dev.herald.print;
