/** Email providers: SMTP hands rendered emails to a mail server over a pool of connections. */
package dev.herald.provider.email;
