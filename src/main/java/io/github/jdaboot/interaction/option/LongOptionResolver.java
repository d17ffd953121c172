package io.github.jdaboot.interaction.option;

/** {@code long} and {@code Long} options. */
public class LongOptionResolver extends WholeNumberOptionResolver {

    public LongOptionResolver() {
        super(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public boolean supports(Class<?> type) {
        return type == long.class || type == Long.class;
    }

    @Override
    Object convert(long value) {
        return value;
    }

    @Override
    boolean narrow() {
        return false;
    }

}
