package io.github.jdaboot.command;

/**
 * {@code int} and {@code Integer} options; their bounds are always declared to Discord.
 */
class IntegerOptionResolver extends WholeNumberOptionResolver {

    IntegerOptionResolver() {
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
