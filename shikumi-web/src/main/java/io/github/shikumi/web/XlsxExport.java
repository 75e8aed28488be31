package io.github.shikumi.web;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.train.History;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import io.github.shikumi.xlsx.ExerciseCheck;
import io.github.shikumi.xlsx.WorkbookExport;
import io.github.shikumi.xlsx.Worksheet;
import io.github.shikumi.xlsx.WorksheetHtml;
import io.github.shikumi.xlsx.XlsxException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The Export view's workbook: the book's spreadsheet (shikumi-xlsx) for the session's model at the
 * iteration shown and its working data, with the session's η, as {@code shikumi export-xlsx --model M
 * --iterations 0} writes it: the BP sheet computes that model's E, ∂E and the next update p − η·∂E with
 * live formulas, and its macro repeats the step in Excel. Headings in the page's language. Built in memory
 * and sent whole; a model too large for a sheet is refused with 400.
 */
final class XlsxExport {
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxExport() {
    }

    /**
     * Checks a learner's spreadsheet exercise (or an edited full workbook) uploaded as {@code {"name", "xlsx"}},
     * the file's bytes in base64, as {@code shikumi check-xlsx} does: the report of every wrong or empty cell in
     * the order the computation needs them, with the book's hints in the page's language. The upload lives in a
     * temporary file only while it is checked; a file that is not such a workbook is a 400 naming it.
     */
    static void check(Context ctx, Body b) {
        String name = b.text("name", "upload.xlsx", 100).replaceAll("[\\\\/:]", "_");
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(b.text("xlsx", Integer.MAX_VALUE));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(WebMsg.FIELD_TYPE, "xlsx", WebMsg.TYPE_BASE64);
        }
        Locale locale = ShikumiServer.locale(ctx);
        java.nio.file.Path tmp = null;
        try {
            tmp = java.nio.file.Files.createTempFile("shikumi-check-", ".xlsx");
            java.nio.file.Files.write(tmp, bytes);
            ShikumiServer.json(ctx, ExerciseCheck.check(tmp, name, locale).toMap());
        } catch (XlsxException e) {
            ShikumiServer.error(ctx, 400, e.message(locale));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    java.nio.file.Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the system's temporary folder is cleaned by it too
                }
            }
        }
    }

    /**
     * A worksheet of the session's network at iteration {@code k} for image {@code n} (shikumi-xlsx's
     * Worksheet, as {@code shikumi worksheet} writes it): one A4 page per part with print CSS, blank or the
     * answer key, in the page's language; the browser prints it. A network a sheet cannot show is a 400.
     */
    static void worksheet(Context ctx, Session s, int k, int n) {
        String kindName = ctx.queryParam("kind") == null ? "all" : ctx.queryParam("kind");
        Worksheet.Kind kind;
        try {
            kind = Worksheet.Kind.valueOf(kindName.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(WebMsg.FIELD_TYPE, "kind", WebMsg.TYPE_WORKSHEET_KIND);
        }
        boolean answers = "true".equals(ctx.queryParam("answers"));
        Network net;
        Dataset data;
        double eta;
        long seed;
        synchronized (s) {
            net = s.network(k);
            data = s.dataset();
            eta = s.eta();
            seed = s.seed();
        }
        ParamLayout lay = net.layout();
        boolean fits = Worksheet.fits(lay) && net.output() == Output.SIGMOID
                && net.activations().stream().allMatch(a -> a == Activation.SIGMOID); // the sheet's formulas are the book's σ
        if (!fits) {
            throw ApiException.badRequest(WebMsg.WORKSHEET_UNFIT, lay.shapeText(), Worksheet.MAX_INPUTS, Worksheet.MAX_UNITS,
                    Worksheet.MAX_LAYERS - 1);
        }
        String html = WorksheetHtml.render(List.of(Worksheet.of(1, seed, data, n, k, eta, net)), kind, answers,
                ShikumiServer.locale(ctx));
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    static void answer(Context ctx, Session s, int k) {
        Network model;
        Dataset data;
        double eta;
        synchronized (s) {
            model = s.network(k);
            data = s.dataset();
            eta = s.eta();
        }
        Locale locale = ShikumiServer.locale(ctx);
        byte[] bytes;
        try {
            WorkbookExport.check(model, data, eta, 0);
            History h = Training.gradientDescent(model, data, eta, 0, TrainingListener.NONE);
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            WorkbookExport.write(data, eta, h, locale, out);
            bytes = out.toByteArray();
        } catch (XlsxException e) {
            ShikumiServer.error(ctx, 400, e.message(locale));
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + Api.fileStem(s) + "-model-" + k + ".xlsx\"");
        ctx.contentType(CONTENT_TYPE).result(bytes);
    }
}
