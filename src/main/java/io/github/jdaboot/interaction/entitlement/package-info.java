/**
 * Premium features: the SKUs that handlers require ({@code @RequiresEntitlement}),
 * resolved and checked at startup, and the check of them against the application's SKUs
 * on Discord once a session is ready.
 */
@NullMarked
package io.github.jdaboot.interaction.entitlement;

import org.jspecify.annotations.NullMarked;
