/** API keys, JWT verification and the request interceptor that authenticates the v2 API. */
package dev.herald.auth;
