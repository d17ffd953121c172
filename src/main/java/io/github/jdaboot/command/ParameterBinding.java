package io.github.jdaboot.command;

/**
 * How one parameter of a command method is filled: from an option, or from the invocation.
 */
sealed interface ParameterBinding {

    /** A command option given by the user. */
    record OptionParameter(OptionDefinition option) implements ParameterBinding {
    }

    /** Something about the invocation, injected by type. */
    record ContextParameter(ContextKind kind) implements ParameterBinding {
    }

    /** What can be injected by type, without {@link Option @Option}. */
    enum ContextKind {

        CONTEXT, USER, MEMBER, GUILD, CHANNEL, JDA, EVENT, SLASH_EVENT, MESSAGE_EVENT
    }
}
