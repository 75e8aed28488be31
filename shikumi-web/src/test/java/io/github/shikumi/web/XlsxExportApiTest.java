package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Export view's workbook: a valid .xlsx with the book's sheets, whose BP sheet, recalculated by POI's
 * formula engine (independent of our Java code), gives E of the session's model at the iteration asked for.
 */
class XlsxExportApiTest {
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

    private static HttpResponse<byte[]> download(String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.base + path)).GET().build();
        return server.http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static XSSFWorkbook workbook(HttpResponse<byte[]> r) throws Exception {
        assertThat(r.statusCode()).as(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new XSSFWorkbook(new ByteArrayInputStream(r.body()));
    }

    private static List<String> sheets(XSSFWorkbook wb) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            out.add(wb.getSheetName(i));
        }
        return out;
    }

    /** The value of the one cell a workbook-level name refers to, recalculated by POI. */
    private static double named(XSSFWorkbook wb, String name) {
        XSSFName n = wb.getName(name);
        assertThat(n).as("defined name " + name).isNotNull();
        AreaReference area = new AreaReference(n.getRefersToFormula(), SpreadsheetVersion.EXCEL2007);
        CellReference ref = area.getFirstCell();
        Cell cell = wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
        return new XSSFFormulaEvaluator(wb).evaluate(cell).getNumberValue();
    }

    @Test
    void workbook_of_the_current_model_has_the_books_sheets_and_its_e() throws Exception {
        String s = server.session(4, "\"seed\": 7, \"eta\": 0.5");
        server.post(s + "/step", "{\"iterations\": 5}");
        HttpResponse<byte[]> r = download(s + "/export/xlsx");
        assertThat(r.headers().firstValue("content-disposition").orElse("")).contains("letters-model-5.xlsx");
        try (XSSFWorkbook wb = workbook(r)) {
            assertThat(sheets(wb)).containsExactly("BP", "Training", "Results", "Macro");
            Network at5 = Reference.descend(Network.initial(DATA, 7, 3), DATA, 0.5, 5);
            assertThat(named(wb, "E")).isCloseTo(Reference.error(at5, DATA), within(1e-9));
            assertThat(named(wb, "eta")).isEqualTo(0.5);
        }
    }

    @Test
    void an_earlier_iteration_and_japanese_headings_can_be_asked_for() throws Exception {
        String s = server.session(4, "\"seed\": 7, \"eta\": 0.5");
        server.post(s + "/step", "{\"iterations\": 5}");
        try (XSSFWorkbook wb = workbook(download(s + "/export/xlsx?iteration=2&lang=ja"))) {
            assertThat(sheets(wb)).containsExactly("BP", "学習経過", "結果", "マクロ");
            Network at2 = Reference.descend(Network.initial(DATA, 7, 3), DATA, 0.5, 2);
            assertThat(named(wb, "E")).isCloseTo(Reference.error(at2, DATA), within(1e-9));
        }
    }

    @Test
    void edited_data_are_in_the_workbook() throws Exception {
        String s = server.session(1, "");
        server.post(s + "/data/images", "{\"label\": \"A\", \"pixels\": " + TestServer.JSON.writeValueAsString(
                Letters.pixels("L")) + "}");
        JsonNode sum = server.get(s).json();
        assertThat(sum.at("/data/size").asInt()).isEqualTo(5);
        HttpResponse<byte[]> r = download(s + "/export/xlsx");
        assertThat(r.headers().firstValue("content-disposition").orElse("")).contains("letters-edited-model-0.xlsx");
        try (XSSFWorkbook wb = workbook(r)) {
            assertThat(named(wb, "E")).isCloseTo(sum.at("/run/e").asDouble(), within(1e-9));
        }
    }

    @Test
    void bad_export_requests_are_refused() throws Exception {
        String s = server.session(1, "");
        Refused.check(server.get(s + "/export/xlsx?iteration=3"), 400, "iteration 3");
        Refused.check(server.get(s + "/export/xlsx?iteration=x"), 400, "iteration");
        Refused.check(server.get("/api/sessions/nope/export/xlsx"), 404, "nope");
        // 28×28 pixels and 32 hidden units: 25,186 parameters, more than a sheet has columns for
        StringBuilder big = new StringBuilder("# labels: X O\n");
        for (String label : new String[] {"X", "O"}) {
            big.append('\n').append(label).append('\n');
            for (int row = 0; row < 28; row++) {
                big.append((label.equals("X") ? "#." : ".#").repeat(14)).append('\n');
            }
        }
        TestServer.Response created = server.post("/api/sessions", "{\"text\": " + TestServer.quote(big.toString())
                + ", \"name\": \"big.txt\", \"hidden\": 32}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String b = "/api/sessions/" + created.json().get("id").asText();
        Refused.check(server.get(b + "/export/xlsx"), 400, "784-32-2");
    }
}
