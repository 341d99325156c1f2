package kz.adal.platform;

import java.util.Set;

/**
 * A lifecycle's states: each state names the states it may move to, once, in its enum (docs/domain/*-lifecycle.md).
 * The entity's verbs ask {@link #canMoveTo} before they move and refuse with a rule violation otherwise.
 */
public interface Lifecycle<S extends Enum<S> & Lifecycle<S>> {

    /** The states this one may move to. */
    Set<S> next();

    default boolean canMoveTo(S target) {
        return next().contains(target);
    }
}
