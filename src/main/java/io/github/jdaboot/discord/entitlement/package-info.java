/**
 * The application's entitlements, kept in memory from Discord's list and its entitlement
 * events ({@code ApplicationEntitlements}), for what carries none (a prefix command's
 * message).
 */
@NullMarked
package io.github.jdaboot.discord.entitlement;

import org.jspecify.annotations.NullMarked;
