/**
 * A Discord bot on Spring Boot and JDA.
 */
@NullMarked
package io.github.jdaboot;

import org.jspecify.annotations.NullMarked;
