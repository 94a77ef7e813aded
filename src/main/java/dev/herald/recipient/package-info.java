/**
 * Phone number and email address validation and normalisation with GOV.UK Notify's rules and
 * messages.
 */
package dev.herald.recipient;
