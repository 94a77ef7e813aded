package dev.herald.stats;

import java.util.UUID;

/** How many notifications a template sent in a period. */
public record TemplateUsage(UUID templateId, String name, String type, long count) {}
