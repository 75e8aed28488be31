package io.github.shikumi.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code shikumi --version}: the jar's version. */
public final class Version implements IVersionProvider {
    /** The version of shikumi, from the jar's manifest, or "dev" when run from classes. */
    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"shikumi " + get()};
    }
}
