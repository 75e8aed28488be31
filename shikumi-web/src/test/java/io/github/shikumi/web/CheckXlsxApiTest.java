package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.xlsx.Block;
import io.github.shikumi.xlsx.ExerciseCheck;
import io.github.shikumi.xlsx.WorkbookExport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spreadsheet exercise checked from the page (issue 15): an upload gives check-xlsx's report — the same as
 * shikumi-xlsx's checker on the same file — in the page's language; a changed formula is named by its address;
 * a file that is not such a workbook is one line naming the learner's file (not a temporary path); the upload
 * leaves no file behind.
 */
class CheckXlsxApiTest {
    static TestServer server;
    static final Dataset DATA = Reference.letters(4);

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] exercise(EnumSet<Block> blank) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookExport.writeExercise(Network.initial(DATA, 7, 3), DATA, 0.5, 0, blank, Locale.ENGLISH, out);
        return out.toByteArray();
    }

    private static TestServer.Response upload(String session, String name, byte[] xlsx, String lang) {
        return server.send("POST", session + "/check-xlsx?lang=" + lang, "{\"name\": " + TestServer.quote(name)
                + ", \"xlsx\": \"" + Base64.getEncoder().encodeToString(xlsx) + "\"}");
    }

    private static long temporaryFiles() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("shikumi-check-")).count();
        }
    }

    @Test
    void an_upload_gives_check_xlsx_report_and_names_a_changed_formula(@TempDir Path dir) throws Exception {
        String s = server.session(4, "\"seed\": 7");
        long before = temporaryFiles();
        // nothing filled in yet: the formula cells of the blank blocks are missing (and what uses them wrong)
        byte[] blank = exercise(EnumSet.of(Block.S, Block.Z));
        JsonNode r = upload(s, "ex.xlsx", blank, "en").json();
        Path file = dir.resolve("ex.xlsx");
        Files.write(file, blank);
        JsonNode direct = Body.MAPPER.readTree(Body.MAPPER.writeValueAsString(
                ExerciseCheck.check(file, "ex.xlsx", Locale.ENGLISH).toMap()));
        assertThat(r).isEqualTo(direct);
        assertThat(r.get("clean").asBoolean()).isFalse();
        assertThat(r.get("missing").asLong()).isPositive();
        assertThat(r.at("/cells/0/missing").asBoolean()).isTrue();
        assertThat(r.at("/cells/0/hint").asText()).startsWith("empty: write the formula");

        // the full sheet as shikumi writes it checks clean; with θ added in one s cell it names that cell
        byte[] full = exercise(EnumSet.noneOf(Block.class));
        JsonNode clean = upload(s, "full.xlsx", full, "en").json();
        assertThat(clean.get("clean").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.get("checked").asInt()).isPositive();
        String address = null;
        ByteArrayOutputStream edited = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(full))) {
            search:
            for (Row row : wb.getSheetAt(0)) {
                for (Cell c : row) {
                    if (c.getCellType() == CellType.FORMULA && c.getCellFormula().contains(")-$")) {
                        c.setCellFormula(c.getCellFormula().replace(")-$", ")+$"));
                        address = "BP!" + c.getAddress().formatAsString();
                        break search;
                    }
                }
            }
            wb.write(edited);
        }
        assertThat(address).isNotNull();
        JsonNode wrong = upload(s, "mine.xlsx", edited.toByteArray(), "en").json();
        assertThat(wrong.get("wrong").asLong()).isPositive();
        assertThat(wrong.at("/cells/0/address").asText()).isEqualTo(address);
        assertThat(wrong.at("/cells/0/hint").asText()).startsWith("θ is added, but it is subtracted");
        JsonNode ja = upload(s, "mine.xlsx", edited.toByteArray(), "ja").json();
        assertThat(ja.at("/cells/0/address").asText()).isEqualTo(address);
        assertThat(ja.at("/cells/0/hint").asText()).isNotEqualTo(wrong.at("/cells/0/hint").asText());

        // not a workbook of ours, not base64, not there: one line each, the session as it was
        String summary = server.get(s).body();
        TestServer.Response notOurs = upload(s, "notes.xlsx", "just text".getBytes(), "en");
        Refused.check(notOurs, 400, "notes.xlsx");
        assertThat(notOurs.error()).doesNotContain("shikumi-check-").doesNotContain(System.getProperty("java.io.tmpdir"));
        Refused.check(server.send("POST", s + "/check-xlsx", "{\"name\": \"a.xlsx\", \"xlsx\": \"%%%\"}"), 400, "xlsx", "base64");
        Refused.check(server.send("POST", s + "/check-xlsx", "{\"name\": \"a.xlsx\"}"), 400, "xlsx");
        assertThat(server.get(s).body()).isEqualTo(summary);
        assertThat(temporaryFiles()).isEqualTo(before);
    }
}
