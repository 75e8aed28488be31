package io.github.shikumi.web;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.BitmapText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session's working data: list its images, choose a bundled set, import bitmap text, add, edit and
 * delete images. Every change restarts the run from the seed (a run belongs to one version of the data).
 */
final class DataApi {
    private final WebConfig config;
    private final Api api;

    DataApi(WebConfig config, Api api) {
        this.config = config;
        this.api = api;
    }

    void routes(RoutesConfig r) {
        r.get("/api/sessions/{id}/data", ctx -> ShikumiServer.json(ctx, view(api.session(ctx))));
        r.post("/api/sessions/{id}/data/select", this::select);
        r.post("/api/sessions/{id}/data/import", this::importText);
        r.post("/api/sessions/{id}/data/images", this::add);
        r.put("/api/sessions/{id}/data/images/{n}", this::edit);
        r.delete("/api/sessions/{id}/data/images/{n}", this::delete);
    }

    static Map<String, Object> view(Session s) {
        synchronized (s) {
            WorkingData wd = s.data();
            Dataset d = wd.dataset();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", wd.name());
            m.put("bundled", wd.bundled());
            m.put("edited", wd.edited());
            m.put("version", s.dataVersion());
            m.put("labels", d.labels());
            m.put("height", d.height());
            m.put("width", d.width());
            List<Map<String, Object>> images = new ArrayList<>();
            for (int n = 0; n < d.size(); n++) {
                int[] px = new int[d.pixels()];
                for (int i = 0; i < px.length; i++) {
                    px[i] = d.pixel(n, i) >= 0.5 ? 1 : 0;
                }
                images.add(Map.of("label", d.labelOf(n), "pixels", px));
            }
            m.put("images", images);
            return m;
        }
    }

    private void answer(Context ctx, Session s) {
        s.progress().publish();
        ShikumiServer.json(ctx, view(s));
    }

    private void select(Context ctx) {
        Session s = api.session(ctx);
        String name = Body.parse(ctx.body()).text("dataset", 100);
        s.replaceData(WorkingData.of(name, true, Bundled.get(name), config));
        answer(ctx, s);
    }

    private void importText(Context ctx) {
        Session s = api.session(ctx);
        Body b = Body.parse(ctx.body());
        String name = b.text("name", "upload.txt", 100).replaceAll("[\\\\/:]", "_");
        String text = b.text("text", (int) config.maxBodyBytes());
        Dataset d = BitmapText.parse(name, text);
        s.replaceData(WorkingData.of(name, false, d, config));
        answer(ctx, s);
    }

    private void add(Context ctx) {
        Session s = api.session(ctx);
        Body b = Body.parse(ctx.body());
        String label = b.text("label", WorkingData.MAX_LABEL_LENGTH + 1);
        s.editData(wd -> {
            double[] px = b.pixels("pixels", wd.pixels(), wd.height() + "×" + wd.width(), true);
            int k = wd.labelIndex(label, config.maxLabels());
            return wd.add(k, px, config.maxImages());
        });
        answer(ctx, s);
    }

    private void edit(Context ctx) {
        Session s = api.session(ctx);
        int n = imageIndex(ctx);
        Body b = Body.parse(ctx.body());
        s.editData(wd -> {
            wd.checkIndex(n);
            String label = b.has("label") ? b.text("label", WorkingData.MAX_LABEL_LENGTH + 1)
                    : wd.dataset().labelOf(n);
            double[] px = b.has("pixels") ? b.pixels("pixels", wd.pixels(), wd.height() + "×" + wd.width(), true)
                    : wd.dataset().image(n);
            int k = wd.labelIndex(label, config.maxLabels());
            wd.set(n, k, px);
            return n;
        });
        answer(ctx, s);
    }

    private void delete(Context ctx) {
        Session s = api.session(ctx);
        int n = imageIndex(ctx);
        s.editData(wd -> {
            wd.delete(n);
            return n;
        });
        answer(ctx, s);
    }

    private static int imageIndex(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(WebMsg.FIELD_TYPE, "n", WebMsg.TYPE_INTEGER);
        }
    }
}
