/** The internal admin API and command-line commands that manage services, templates and keys. */
package dev.herald.admin;
