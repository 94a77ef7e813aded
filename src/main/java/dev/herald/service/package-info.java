/** Services: trial mode, permissions, limits, team members, guest list, senders and numbers. */
package dev.herald.service;
