/**
 * From JDA's events to handler runs, as Spring MVC's {@code DispatcherServlet} and
 * {@code HandlerAdapter}: the dispatcher that asks the handler mappings, the adapter that
 * runs a handler (guards, arguments, method, answer, exception handling, an observation),
 * the executor of virtual threads that runs them, and what keeps a prefix command from
 * being answered twice or missed after a new gateway session.
 */
@NullMarked
package io.github.jdaboot.interaction.dispatch;

import org.jspecify.annotations.NullMarked;
