/** Virus scanning of uploaded files through clamd's INSTREAM protocol. */
package dev.herald.antivirus;
