/**
 * The runs of handlers and how their answers reach Discord: a run per kind of interaction
 * (slash and prefix commands, context menus, clicks, forms, autocomplete), Discord's
 * acknowledge-once rule and the deferral of slow handlers, replies split to fit a
 * message, retried delivery, prefix command text read word by word, and the callbacks of
 * components sent with a reply.
 */
@NullMarked
package io.github.jdaboot.interaction.invocation;

import org.jspecify.annotations.NullMarked;
