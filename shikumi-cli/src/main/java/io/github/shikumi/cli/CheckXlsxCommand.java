package io.github.shikumi.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.shikumi.xlsx.Block;
import io.github.shikumi.xlsx.ExerciseCheck;
import io.github.shikumi.xlsx.ExerciseCheck.Finding;
import io.github.shikumi.xlsx.ExerciseCheck.Result;
import io.github.shikumi.xlsx.XlsxException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shikumi check-xlsx FILE.xlsx}: checks a learner's BP sheet (an exercise, or a full workbook that was
 * edited) cell by cell against shikumi's numbers. Exit 0 when every cell matches to 1e-9 relative, 1 when not,
 * 2 when the file is not such a workbook.
 */
@Command(name = "check-xlsx", mixinStandardHelpOptions = true)
public final class CheckXlsxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.xlsx", descriptionKey = "checkFile")
    Path file;

    @Option(names = "--max", paramLabel = "N", defaultValue = "10", descriptionKey = "checkMax")
    int max;

    @Mixin
    CommonOptions.JsonOutput json;

    @Override
    public Integer call() {
        Locale locale = Locale.getDefault();
        Text text = Text.of(locale);
        if (max < 1) {
            throw new UsageError(spec.commandLine(), text.get("check.maxRange", max));
        }
        Result r;
        try {
            r = ExerciseCheck.check(file, locale);
        } catch (XlsxException e) {
            spec.commandLine().getErr().println("shikumi: " + e.message(locale));
            return 2;
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json.on) {
            w.println(Json.text(json(r)));
            return r.clean() ? 0 : 1;
        }
        if (r.clean()) {
            w.println(text.get("check.clean", file.toString(), r.checked()));
            return 0;
        }
        long wrong = r.findings().size() - r.missing();
        w.println(r.missing() > 0 ? text.get("check.summary", file.toString(), r.checked(), wrong, r.missing())
                : text.get("check.summaryFull", file.toString(), r.checked(), wrong));
        int shown = 0;
        for (Finding f : r.findings()) {
            if (f.missing() || shown >= max) {
                continue;
            }
            w.println("  " + f.address() + "  " + f.what());
            w.println("    " + text.get("check.holds", f.holds(), Double.isNaN(f.value()) ? "—" : Fmt.sig(f.value()),
                    Fmt.sig(f.expected())));
            w.println("    " + f.hint());
            shown++;
        }
        if (wrong > shown) {
            w.println("  " + text.get("check.more", wrong - shown));
        }
        if (r.missing() > 0) {
            Map<Block, Long> byBlock = new EnumMap<>(Block.class);
            Map<Block, String> first = new EnumMap<>(Block.class);
            for (Finding f : r.findings()) {
                if (f.missing()) {
                    byBlock.merge(f.block(), 1L, Long::sum);
                    first.putIfAbsent(f.block(), f.address() + " (" + f.what() + ")");
                }
            }
            w.println(text.get("check.missingHeading", r.missing()));
            for (Map.Entry<Block, Long> e : byBlock.entrySet()) {
                w.println("  " + text.get("check.missingBlock", e.getKey().word(), e.getValue(), first.get(e.getKey())));
            }
            w.println("  " + text.get("check.missingJson"));
        }
        return 1;
    }

    private static ObjectNode json(Result r) {
        return Json.MAPPER.valueToTree(r.toMap()); // the same report as the web page's
    }
}
