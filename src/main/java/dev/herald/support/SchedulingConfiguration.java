package dev.herald.support;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * In-process periodic housekeeping (each instance its own; cluster-wide tasks use the database),
 * off while a one-shot command runs so nothing keeps its JVM alive.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Profile("!command")
class SchedulingConfiguration {}
