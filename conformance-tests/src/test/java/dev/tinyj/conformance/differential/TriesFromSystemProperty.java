package dev.tinyj.conformance.differential;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets every property's tries from the system property {@code tinyj.tries} (default
 * {@value #DEFAULT}). Surefire passes the Maven property of that name, which the parent POM sets
 * to 200 and {@code -Pthorough} to 20000; {@code @Property(tries = ...)} takes only a constant, so
 * the hook changes the property's attributes before it runs. {@code TriesHookTest} checks that
 * the count really changes.
 */
public final class TriesFromSystemProperty implements AroundPropertyHook {
    /** Tries when {@code tinyj.tries} is not set (an IDE run). */
    public static final int DEFAULT = 200;

    /** The configured tries. */
    public static int tries() {
        return Integer.getInteger("tinyj.tries", DEFAULT);
    }

    /** Applies to every property of the annotated container, not to the container alone. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        context.attributes().setTries(tries());
        return property.execute();
    }
}
