package io.github.shikumi.engine;

/**
 * Whether the Vector API ({@code jdk.incubator.vector}, incubating in Java 17) can be used. It can when the
 * JVM was started with {@code --add-modules jdk.incubator.vector}; core then loads its Vector API kernels by
 * name, and otherwise never touches them, so core works as a plain library without the flag (with its
 * plain-Java kernels, loops the JIT vectorises by itself where it can). The system property
 * {@code -Dshikumi.simd=false} turns the Vector API kernels off.
 */
final class Simd {
    static final String MODULE = "jdk.incubator.vector";

    private Simd() {
    }

    /** True when the Vector API module is in the boot layer and not turned off. */
    static boolean available() {
        return !"false".equals(System.getProperty("shikumi.simd"))
                && ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /**
     * An instance of the class {@code className} (a Vector API kernel of this package) when the Vector API is
     * available and the class loads, otherwise {@code plain}.
     */
    static <T> T load(String className, Class<T> type, T plain) {
        if (!available()) {
            return plain;
        }
        try {
            return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return plain; // a JVM whose Vector API cannot run the kernels: the plain ones are always correct
        }
    }
}
