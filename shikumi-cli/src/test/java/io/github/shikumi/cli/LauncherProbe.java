package io.github.shikumi.cli;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Stands in for shikumi.jar in {@link LauncherArchiveTest}: prints how the launcher started the JVM (with the
 * training run's class-data-sharing archive, writing it, or neither) and exits with the code after {@code --exit}.
 */
public final class LauncherProbe {
    private LauncherProbe() {
    }

    public static void main(String[] args) {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String archive = jvm.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile=")) ? "used"
                : jvm.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")) ? "writing" : "none";
        System.out.println("probe " + String.join(" ", args) + " archive=" + archive);
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--exit")) {
                System.exit(Integer.parseInt(args[i + 1]));
            }
        }
    }
}
