package io.github.jdaboot.interaction.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a handler run. Declare a bean of this type to replace
 * {@link DefaultInteractionObservationConvention} (or extend it).
 */
public interface InteractionObservationConvention extends ObservationConvention<InteractionObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof InteractionObservationContext;
    }

}
