package dev.herald.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request body as sent, whatever its Content-Type (Notify reads JSON with {@code force=True}),
 * at most {@link RawBodyResolver#MAX_BYTES}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface RawBody {}
