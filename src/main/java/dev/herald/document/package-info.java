/** Send a file by email: files stored encrypted, and the download pages recipients use. */
package dev.herald.document;
