/**
 * A bare gateway client for tests of the emulator's gateway protocol without JDA.
 */
@NullMarked
package io.github.jdaboot.testing.gateway;

import org.jspecify.annotations.NullMarked;
