/** Complaints: recipients who marked an email as spam, as the provider reports them. */
package dev.herald.complaint;
