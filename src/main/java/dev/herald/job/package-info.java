/**
 * Bulk sending: spreadsheets of recipients checked at upload, and jobs that send them now or at a
 * set time, each row a notification exactly once.
 */
package dev.herald.job;
