package io.github.jdaboot.interaction.option;

/**
 * {@code int} and {@code Integer} options; their bounds are always declared to Discord.
 */
public class IntegerOptionResolver extends WholeNumberOptionResolver {

    public IntegerOptionResolver() {
        super(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public boolean supports(Class<?> type) {
        return type == int.class || type == Integer.class;
    }

    @Override
    Object convert(long value) {
        return (int) value;
    }

    @Override
    boolean narrow() {
        return true;
    }

}
