/**
 * Command options: the {@code OptionResolver} contract (one Java type of {@code @Option}
 * parameter: how Discord declares it and how a value is read from a slash command's
 * option or a prefix command's text), the framework's resolver for each type it supports,
 * and an option as declared ({@code OptionSpec}, {@code OptionDefinition}). Adding an
 * option type is one bean of {@code OptionResolver}.
 */
@NullMarked
package io.github.jdaboot.interaction.option;

import org.jspecify.annotations.NullMarked;
