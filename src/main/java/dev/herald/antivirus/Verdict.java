package dev.herald.antivirus;

/** Clean, or the name of the signature found. */
public record Verdict(boolean clean, String signature) {}
