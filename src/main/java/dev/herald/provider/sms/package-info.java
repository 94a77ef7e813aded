/** SMS providers: SMPP 3.4 to an operator's SMSC, and a JSON-over-HTTP aggregator. */
package dev.herald.provider.sms;
