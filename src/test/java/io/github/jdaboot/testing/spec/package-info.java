/**
 * Discord's OpenAPI spec as the suite's oracle: the spec, read once
 * ({@link io.github.jdaboot.testing.spec.OpenApiSpec}); the check every emulator of the
 * suite hands its traffic to ({@link io.github.jdaboot.testing.spec.OpenApiTrafficCheck},
 * REST responses by operation and status, gateway dispatches by
 * {@link io.github.jdaboot.testing.spec.GatewaySchemas}); and the extension that fails
 * the test during which something broke the spec
 * ({@link io.github.jdaboot.testing.spec.SpecViolationsExtension}).
 */
@NullMarked
package io.github.jdaboot.testing.spec;

import org.jspecify.annotations.NullMarked;
