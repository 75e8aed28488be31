package io.github.shikumi.xlsx;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * LibreOffice, headless, as a second spreadsheet engine: opens .xlsx files with a fresh profile that
 * recalculates every formula on load (OOXMLRecalcMode = 0, "always"), and saves them again as .xlsx, whose
 * cached values are then LibreOffice's results.
 */
final class LibreOffice {
    private static final String PROFILE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" \
            xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
            <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """;

    private LibreOffice() {
    }

    /** The soffice program on the PATH, if any. */
    static Optional<Path> soffice() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, "soffice");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Each workbook opened, recalculated and saved by LibreOffice; the results in the same order. */
    static List<byte[]> recalculate(Path work, List<byte[]> workbooks) throws IOException, InterruptedException {
        Path profile = work.resolve("profile");
        Files.createDirectories(profile.resolve("user"));
        Files.writeString(profile.resolve("user/registrymodifications.xcu"), PROFILE, StandardCharsets.UTF_8);
        Path in = Files.createDirectories(work.resolve("in"));
        Path out = Files.createDirectories(work.resolve("out"));
        List<String> command = new ArrayList<>(List.of(soffice().orElseThrow().toString(),
                "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                "--convert-to", "xlsx", "--outdir", out.toString()));
        for (int i = 0; i < workbooks.size(); i++) {
            Path file = in.resolve("book" + i + ".xlsx");
            Files.write(file, workbooks.get(i));
            command.add(file.toString());
        }
        Path log = work.resolve("soffice.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("soffice did not finish in 300 s: " + Files.readString(log));
        }
        List<byte[]> results = new ArrayList<>();
        for (int i = 0; i < workbooks.size(); i++) {
            Path file = out.resolve("book" + i + ".xlsx");
            if (!Files.exists(file)) {
                throw new AssertionError("soffice (exit " + p.exitValue() + ") wrote no " + file + ": " + Files.readString(log));
            }
            results.add(Files.readAllBytes(file));
        }
        return results;
    }
}
