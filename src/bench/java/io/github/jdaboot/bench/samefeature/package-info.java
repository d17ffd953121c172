/**
 * The peers' feature in this project, for the benchmark's comparison with the peers:
 * {@code /idea} and {@code .idea} answering with the same text and one button as the
 * peers' bots (src/bench/peers), and the button's click answered, written the way the
 * project's guide shows; the application's own {@code idea} package is not scanned.
 */
@NullMarked
package io.github.jdaboot.bench.samefeature;

import org.jspecify.annotations.NullMarked;
