/** Virus scanning of uploaded files by clamd, before anything else reads them. */
package dev.herald.antivirus;
