/** Bulk jobs: recipient spreadsheets read and checked by Notify's rules, then sent row by row. */
package dev.herald.job;
