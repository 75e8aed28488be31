package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shikumi export-xlsx --exercise} and {@code shikumi check-xlsx}: exit 0 clean, 1 wrong or empty cells, 2 not such a workbook. */
class CheckXlsxCommandTest {
    @TempDir
    Path dir;

    @Test
    void full_export_checks_clean_with_exit_0() {
        Path full = dir.resolve("book.xlsx");
        assertThat(CliRun.of("export-xlsx", "--iterations", "2", "--out", full.toString(), "--lang", "en").exit()).isZero();
        CliRun r = CliRun.of("check-xlsx", full.toString(), "--lang", "en");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(full + ": all 13,087 computed cells match shikumi to 1e-9 relative\n");
        CliRun ja = CliRun.of("check-xlsx", full.toString(), "--lang", "ja");
        assertThat(ja.out()).contains("すべて shikumi と相対 1e-9 で一致します");
    }

    @Test
    void unfilled_exercise_lists_every_missing_cell_with_exit_1() throws Exception {
        Path full = dir.resolve("book.xlsx");
        Path ex = dir.resolve("exercise.xlsx");
        assertThat(CliRun.of("export-xlsx", "--out", full.toString(), "--lang", "en").exit()).isZero();
        CliRun w = CliRun.of("export-xlsx", "--exercise", "--out", ex.toString(), "--lang", "en");
        assertThat(w.exit()).as(w.err()).isZero();
        assertThat(w.out()).contains("exercise written to " + ex).contains("shikumi check-xlsx exercise.xlsx");
        CliRun r = CliRun.of("check-xlsx", ex.toString(), "--json", "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.out());
        Set<String> missing = new HashSet<>();
        for (JsonNode c : j.get("cells")) {
            assertThat(c.get("missing").asBoolean()).isTrue();
            missing.add(c.get("address").asText());
        }
        assertThat(missing).isEqualTo(formulaCells(full));
        CliRun human = CliRun.of("check-xlsx", ex.toString(), "--lang", "en");
        assertThat(human.exit()).isEqualTo(1);
        assertThat(human.out()).contains("13,087 cells are still empty:", "delta: 896 cells, the first BP!Z78 (δO[1] of image 1)");
    }

    @Test
    void changed_formula_is_named_by_address_with_a_hint_and_exit_1() throws Exception {
        Path full = dir.resolve("book.xlsx");
        assertThat(CliRun.of("export-xlsx", "--out", full.toString(), "--lang", "en").exit()).isZero();
        Path edited = dir.resolve("edited.xlsx");
        String after;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(full)))) {
            // δO[1] of image 3 (row 90: the bands start at row 78, 6 rows each), its sign reversed
            Cell c = wb.getSheet("BP").getRow(89).getCell(25);
            assertThat(c.getCellFormula()).matches("-\\([A-Z]+90-[A-Z]+90\\)\\*[A-Z]+90\\*\\(1-[A-Z]+90\\)");
            after = c.getCellFormula().substring(1);
            c.setCellFormula(after);
            try (OutputStream os = Files.newOutputStream(edited)) {
                wb.write(os);
            }
        }
        CliRun r = CliRun.of("check-xlsx", edited.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        String[] lines = r.out().split("\n");
        assertThat(lines[1]).isEqualTo("  BP!Z90  δO[1] of image 3");
        assertThat(lines[2]).startsWith("    holds =" + after + " = ");
        assertThat(lines[3]).isEqualTo("    the sign of (t − z) is reversed: δO[1] = −(t − z)·z(1 − z)");
    }

    @Test
    void bad_input_is_one_line_with_exit_2() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.xlsx"), "not a workbook");
        Path plain = dir.resolve("plain.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(plain)) {
            wb.createSheet("BP");
            wb.write(os);
        }
        for (Path p : new Path[] {text, plain, dir.resolve("absent.xlsx")}) {
            CliRun r = CliRun.of("check-xlsx", p.toString(), "--lang", "en");
            assertThat(r.exit()).as(p.toString()).isEqualTo(2);
            assertThat(r.errLine()).startsWith("shikumi: " + p + ": ").doesNotContain("\n").doesNotContain("Exception");
        }
        CliRun r = CliRun.of("export-xlsx", "--blank", "delta", "--out", dir.resolve("x.xlsx").toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: --blank needs --exercise");
        CliRun b = CliRun.of("export-xlsx", "--exercise", "--blank", "delta,sigma", "--out", dir.resolve("x.xlsx").toString(), "--lang", "en");
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.errLine()).contains("--blank").contains("sigma").doesNotContain("\n");
    }

    @Test
    void macro_workbook_is_written_as_xlsm_checks_clean_and_bad_options_are_refused() throws Exception {
        Path book = dir.resolve("book.xlsm");
        CliRun r = CliRun.of("export-xlsx", "--macro", "--iterations", "5", "--out", book.toString(), "--lang", "en");
        assertThat(r.exit()).as(r.err()).isZero();
        try (org.apache.poi.poifs.macros.VBAMacroReader vba = new org.apache.poi.poifs.macros.VBAMacroReader(book.toFile())) {
            assertThat(vba.readMacros().get("ShikumiMacro")).contains("Sub ShikumiTrain()", "RefersToRange.Value");
        }
        assertThat(CliRun.of("check-xlsx", book.toString(), "--lang", "en").exit()).isZero();
        CliRun x = CliRun.of("export-xlsx", "--macro", "--out", dir.resolve("book.xlsx").toString(), "--lang", "en");
        assertThat(x.exit()).isEqualTo(2);
        assertThat(x.errLine()).isEqualTo("shikumi: --macro writes a macro-enabled workbook: give --out a name ending .xlsm (Excel refuses a .xlsx with macros)");
        CliRun e = CliRun.of("export-xlsx", "--macro", "--exercise", "--out", dir.resolve("e.xlsm").toString(), "--lang", "en");
        assertThat(e.exit()).isEqualTo(2);
        assertThat(e.errLine()).contains("--macro").contains("--exercise").doesNotContain("\n");
    }

    private static Set<String> formulaCells(Path workbook) throws Exception {
        Set<String> cells = new HashSet<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(workbook)))) {
            for (Row row : wb.getSheet("BP")) {
                for (Cell c : row) {
                    if (c.getCellType() == CellType.FORMULA) {
                        cells.add("BP!" + new org.apache.poi.ss.util.CellReference(c.getRowIndex(), c.getColumnIndex()).formatAsString(false));
                    }
                }
            }
        }
        return cells;
    }
}
