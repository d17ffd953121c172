/**
 * Discord's OpenAPI spec as a test's oracle: the spec itself, read once, and the checks
 * of what the emulator sends against it.
 */
@NullMarked
package io.github.jdaboot.testing.spec;

import org.jspecify.annotations.NullMarked;
