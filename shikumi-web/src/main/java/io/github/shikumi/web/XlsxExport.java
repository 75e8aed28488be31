package io.github.shikumi.web;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.History;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import io.github.shikumi.xlsx.WorkbookExport;
import io.github.shikumi.xlsx.XlsxException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
