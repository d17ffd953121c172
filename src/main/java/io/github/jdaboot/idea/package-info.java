/**
 * The seed feature: project ideas on request.
 */
@NullMarked
package io.github.jdaboot.idea;

import org.jspecify.annotations.NullMarked;
