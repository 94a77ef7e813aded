/**
 * Print providers: ZIPs of letter PDFs uploaded by SFTP with the printer's receipt files, and a
 * print API in DVLA's shape with the callback it reports despatches on.
 */
package dev.herald.provider.letter;
