/**
 * The v2 wire conventions: the error envelope, the exception handler, JSON and response headers.
 */
package dev.herald.api;
