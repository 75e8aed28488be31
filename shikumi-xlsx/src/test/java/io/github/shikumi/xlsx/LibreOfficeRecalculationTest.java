package io.github.shikumi.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LibreOffice recalculates the workbook (headless, every formula on load) to the same E, gradient and updated
 * parameters as core, to 1e-9. Skipped, with a message, only where soffice is not installed; CI installs it
 * (Debian package libreoffice-calc-nogui).
 */
class LibreOfficeRecalculationTest {
    static final double REL = 1e-9;
    static final double ABS = 1e-15;

    @TempDir
    Path work;

    @BeforeAll
    static void needsLibreOffice() {
        assumeTrue(LibreOffice.soffice().isPresent(),
                "soffice not found on the PATH: LibreOffice recalculation not checked (install libreoffice-calc-nogui)");
    }

    @Test
    void libreoffice_recalculates_workbooks_to_core_numbers_also_after_edits() throws Exception {
        Dataset aple = TestData.aple();
        Network trained = Training.gradientDescent(Network.initial(aple, 2, 3), aple, 0.05, 500,
                TrainingListener.NONE).trained();
        Dataset zeroOne = TestData.zeroOne();
        Network untrained = Network.initial(zeroOne, 3, 3);
        Dataset deep = TestData.zeroOne();
        Network deeper = Network.initial(deep, 4, 4, 3);

        byte[] trainedBook = Expect.workbook(trained, aple, 0.05, 1, Locale.JAPANESE);
        byte[] untrainedBook = Expect.workbook(untrained, zeroOne, 0.05, 1, Locale.ENGLISH);
        byte[] deeperBook = Expect.workbook(deeper, deep, 0.05, 1, Locale.ENGLISH);

        // η, one pixel and one weight edited without recalculating: every stored value is now stale, so
        // matching core afterwards proves LibreOffice recalculated.
        int image = 9;
        int pixel = 4;
        int p = untrained.layout().weight(0, 2, 5);
        double[] edited = untrained.params();
        edited[p] -= 0.5;
        byte[] editedBook;
        try (Book book = Book.stored(untrainedBook)) {
            book.cell("eta").setCellValue(0.3);
            Cell px = InputChangeTest.pixelCell(book, image, pixel, zeroOne.width());
            px.setCellValue(1 - px.getNumericCellValue());
            book.blockCell("Params", untrained.layout(), zeroOne.height(), zeroOne.width(), p).setCellValue(edited[p]);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.wb.write(out);
            editedBook = out.toByteArray();
        }
        Dataset editedData = TestData.withPixel(zeroOne, image, pixel, 1 - zeroOne.pixel(image, pixel));

        List<byte[]> recalculated = LibreOffice.recalculate(work,
                List.of(trainedBook, untrainedBook, deeperBook, editedBook));
        try (Book book = Book.stored(recalculated.get(0))) {
            Expect.matchesCore(book, trained, trained.params(), aple, 0.05, REL, ABS);
        }
        try (Book book = Book.stored(recalculated.get(1))) {
            Expect.matchesCore(book, untrained, untrained.params(), zeroOne, 0.05, REL, ABS);
        }
        try (Book book = Book.stored(recalculated.get(2))) {
            Expect.matchesCore(book, deeper, deeper.params(), deep, 0.05, REL, ABS);
        }
        try (Book book = Book.stored(recalculated.get(3))) {
            assertThat(book.named("eta")).isEqualTo(0.3);
            Expect.matchesCore(book, untrained, edited, editedData, 0.3, REL, ABS);
        }
    }

    /**
     * tanh, ReLU and identity hidden layers (TANH, MAX(0, …) and the plain sum as their formulas, their
     * derivatives 1 − h², IF(h &gt; 0, 1, 0), 1): LibreOffice recalculates them to core's numbers, also after an
     * edit that leaves every stored value stale.
     */
    @Test
    void libreoffice_recalculates_tanh_relu_and_identity_workbooks_to_core_numbers() throws Exception {
        Dataset aple = TestData.aple();
        Dataset zeroOne = TestData.zeroOne();
        Network tanh = Network.initial(aple, 2, 3).withActivations(List.of(io.github.shikumi.model.Activation.TANH));
        Network trainedTanh = Training.gradientDescent(tanh, aple, 0.05, 300, TrainingListener.NONE).trained();
        Network relu = Network.initial(aple, 3, 4).withActivations(List.of(io.github.shikumi.model.Activation.RELU))
                .withOutput(Output.SOFTMAX);
        Network mixed = Network.initial(zeroOne, 4, 4, 3).withActivations(List.of(io.github.shikumi.model.Activation.TANH,
                io.github.shikumi.model.Activation.RELU));
        Network linear = Network.initial(zeroOne, 5, 3).withActivations(List.of(io.github.shikumi.model.Activation.IDENTITY));
        List<Network> nets = List.of(trainedTanh, relu, mixed, linear);
        List<Dataset> data = List.of(aple, aple, zeroOne, zeroOne);
        List<byte[]> books = new java.util.ArrayList<>();
        for (int i = 0; i < nets.size(); i++) {
            books.add(Expect.workbook(nets.get(i), data.get(i), 0.05, 1, i % 2 == 0 ? Locale.ENGLISH : Locale.JAPANESE));
        }
        int p = trainedTanh.layout().weight(0, 1, 7);
        double[] edited = trainedTanh.params();
        edited[p] -= 0.6;
        try (Book book = Book.stored(books.get(0))) {
            book.cell("eta").setCellValue(0.2);
            book.blockCell("Params", trainedTanh.layout(), aple.height(), aple.width(), p).setCellValue(edited[p]);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            book.wb.write(out);
            books.add(out.toByteArray());
        }
        List<byte[]> recalculated = LibreOffice.recalculate(work, books);
        for (int i = 0; i < nets.size(); i++) {
            try (Book book = Book.stored(recalculated.get(i))) {
                Expect.matchesCore(book, nets.get(i), nets.get(i).params(), data.get(i), 0.05, REL, ABS);
            }
        }
        try (Book book = Book.stored(recalculated.get(nets.size()))) {
            assertThat(book.named("eta")).isEqualTo(0.2);
            Expect.matchesCore(book, trainedTanh, edited, aple, 0.2, REL, ABS);
        }
    }

    @Test
    void libreoffice_recalculates_softmax_workbooks_to_core_numbers() throws Exception {
        Dataset aple = TestData.aple();
        Network untrained = Network.initial(aple, 2, 3).withOutput(Output.SOFTMAX);
        Network trained = Training.gradientDescent(untrained, aple, 0.05, 500, TrainingListener.NONE).trained();
        Dataset zeroOne = TestData.zeroOne();
        Network deeper = Network.initial(zeroOne, 4, 4, 3).withOutput(Output.SOFTMAX);
        Network flat = Network.initial(zeroOne, 5).withOutput(Output.SOFTMAX);
        List<Network> nets = List.of(untrained, trained, deeper, flat);
        List<Dataset> data = List.of(aple, aple, zeroOne, zeroOne);
        List<byte[]> books = new java.util.ArrayList<>();
        for (int i = 0; i < nets.size(); i++) {
            books.add(Expect.workbook(nets.get(i), data.get(i), 0.05, 1, i % 2 == 0 ? Locale.ENGLISH : Locale.JAPANESE));
        }
        // the trained book with η and one output weight edited and nothing recalculated: its stored values are
        // stale, so matching core afterwards proves that LibreOffice recalculated the softmax formulas
        int p = trained.layout().weight(1, 2, 1);
        double[] edited = trained.params();
        edited[p] += 0.75;
        try (Book book = Book.stored(books.get(1))) {
            book.cell("eta").setCellValue(0.3);
            book.blockCell("Params", trained.layout(), aple.height(), aple.width(), p).setCellValue(edited[p]);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            book.wb.write(out);
            books.add(out.toByteArray());
        }
        List<byte[]> recalculated = LibreOffice.recalculate(work, books);
        for (int i = 0; i < nets.size(); i++) {
            try (Book book = Book.stored(recalculated.get(i))) {
                Expect.matchesCore(book, nets.get(i), nets.get(i).params(), data.get(i), 0.05, REL, ABS);
            }
        }
        try (Book book = Book.stored(recalculated.get(nets.size()))) {
            assertThat(book.named("eta")).isEqualTo(0.3);
            Expect.matchesCore(book, trained, edited, aple, 0.3, REL, ABS);
        }
    }
}
