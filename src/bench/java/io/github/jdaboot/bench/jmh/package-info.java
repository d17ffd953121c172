/**
 * The JMH microbenchmarks of one interaction's way through the framework, without the
 * network: {@code ./mvnw -Pbench verify -Dbench.jmh}.
 */
@NullMarked
package io.github.jdaboot.bench.jmh;

import org.jspecify.annotations.NullMarked;
