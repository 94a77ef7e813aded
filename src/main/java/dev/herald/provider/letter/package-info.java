/** Print providers: ZIPs of letter PDFs uploaded by SFTP, and the printer's receipt files. */
package dev.herald.provider.letter;
