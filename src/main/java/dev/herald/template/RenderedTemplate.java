package dev.herald.template;

/**
 * A template with its personalisation filled in, as Notify's API returns it.
 *
 * @param body the {@code body} field: markdown for email and letters, sanitised text for SMS
 * @param subject the {@code subject} field, or null for SMS
 * @param empty whether Notify would reject it with "Your message is empty."
 */
public record RenderedTemplate(String body, String subject, boolean empty) {}
