package io.github.shikumi.cli;

/** Entry point of shikumi.jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.out, System.err));
    }
}
