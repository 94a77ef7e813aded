/**
 * Letters: their delivery estimates, and in time their PDFs, precompiled letters and print runs.
 */
package dev.herald.letter;
