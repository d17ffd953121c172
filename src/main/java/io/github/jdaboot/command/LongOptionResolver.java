package io.github.jdaboot.command;

/** {@code long} and {@code Long} options. */
class LongOptionResolver extends WholeNumberOptionResolver {

    LongOptionResolver() {
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
