package io.github.shikumi.xlsx;

import io.github.shikumi.xlsx.Worksheet.Kind;
import io.github.shikumi.model.ParamLayout;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Worksheets as one self-contained HTML file (no scripts, no outside resources): one A4 page per part, the
 * book's formulas as text, the given numbers filled in, blank boxes for the answers; the key is the same page
 * with the boxes filled. Every number is rounded to {@value #DIGITS} significant digits, as the page says; a
 * filled box also carries the full double in {@code data-value} (what the tests compare with {@code trace --json}).
 */
public final class WorksheetHtml {
    /** Significant digits of every number on a page. */
    public static final int DIGITS = 4;

    private final WorksheetText t;
    private final boolean answers;
    private final StringBuilder h = new StringBuilder(64 * 1024);

    private WorksheetHtml(WorksheetText t, boolean answers) {
        this.t = t;
        this.answers = answers;
    }

    /** The whole file: every sheet's pages of {@code kind}, blank or filled ({@code answers}), in the language of {@code locale}. */
    public static String render(List<Worksheet> sheets, Kind kind, boolean answers, Locale locale) {
        WorksheetText t = new WorksheetText(locale);
        WorksheetHtml w = new WorksheetHtml(t, answers);
        w.head(answers ? t.get("ws.keyTitle") : t.get("ws.title"));
        for (Worksheet s : sheets) {
            for (Kind page : Worksheet.pages(kind)) {
                w.page(s, page, kind == Kind.ALL, sheets.size());
            }
        }
        w.h.append("</body>\n</html>\n");
        return w.h.toString();
    }

    /** A number as the page shows it: {@value #DIGITS} significant digits, plain, with a real minus sign. */
    public static String number(double v) {
        if (v == 0) {
            return "0";
        }
        String s = new BigDecimal(v).round(new MathContext(DIGITS)).stripTrailingZeros().toPlainString();
        return s.replace('-', '−');
    }

    private void head(String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"").append(t.locale().getLanguage()).append("\">\n<head>\n<meta charset=\"utf-8\">\n<link rel=\"icon\" href=\"data:,\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n")
                .append("@page { size: A4 portrait; margin: 12mm; }\n")
                .append("body { font-family: 'Noto Serif', 'IPAMincho', 'IPAPMincho', serif; font-size: 9pt; color: #000; margin: 0; }\n")
                .append(".page { break-after: page; page-break-after: always; }\n")
                .append(".page:last-of-type { break-after: auto; page-break-after: auto; }\n")
                .append("@media screen { .page { width: 186mm; min-height: 273mm; margin: 8mm auto; padding: 12mm; box-shadow: 0 0 4px #888; } }\n")
                .append("h1 { font-size: 13pt; margin: 0 0 2mm; } h2 { font-size: 10.5pt; margin: 3mm 0 1mm; border-bottom: 0.3mm solid #000; }\n")
                .append(".meta { display: flex; justify-content: space-between; margin-bottom: 1mm; }\n")
                .append(".formula { font-family: 'DejaVu Sans Mono', monospace; white-space: nowrap; margin: 0.6mm 0 0.6mm 4mm; }\n")
                .append(".grids { display: flex; flex-wrap: wrap; gap: 3mm; }\n")
                .append("table { border-collapse: collapse; break-inside: avoid; page-break-inside: avoid; margin-bottom: 1mm; }\n")
                .append("td, th { border: 0.2mm solid #444; padding: 0.5mm 1mm; text-align: right; min-width: 12mm; height: 4.2mm; font-size: 8pt; }\n")
                .append("th { background: #eee; font-weight: normal; text-align: center; }\n")
                .append("caption { text-align: left; font-size: 8pt; padding-bottom: 0.5mm; }\n")
                .append("td.box { min-width: 16mm; background: #fff; border: 0.35mm solid #000; }\n")
                .append("td.key { color: #a00; font-weight: bold; }\n")
                .append("table.pixels td { min-width: 5mm; width: 5mm; text-align: center; }\n")
                .append("td.black { background: #000; color: #fff; }\n")
                .append("* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n")
                .append(".note { font-size: 8pt; margin: 1mm 0; }\n")
                .append("</style>\n</head>\n<body>\n");
    }

    private void page(Worksheet s, Kind page, boolean series, int sheets) {
        ParamLayout lay = s.layout();
        h.append("<section class=\"page\" data-sheet=\"").append(s.number()).append("\" data-image=\"").append(s.image() + 1)
                .append("\" data-kind=\"").append(page.name().toLowerCase()).append("\">\n");
        String part = t.get("ws.part." + page.name().toLowerCase());
        h.append("<h1>").append(esc((answers ? t.get("ws.keyTitle") : t.get("ws.title")) + ": " + part)).append("</h1>\n");
        h.append("<div class=\"meta\"><span>").append(esc(t.get("ws.name"))).append(" ________________________</span><span>")
                .append(esc(t.get("ws.sheetOf", s.number(), sheets))).append("</span></div>\n");
        String start = s.seed() != null ? t.get("ws.fromSeed", s.seed()) : t.get("ws.fromModel");
        h.append("<p class=\"note\">").append(esc(t.get("ws.info", s.data().name(), s.image() + 1, s.data().labelOf(s.image()),
                lay.shapeText(), s.iteration(), number(s.eta()), start))).append("</p>\n");
        h.append("<p class=\"note\">").append(esc(t.get("ws.rounding", DIGITS))).append("</p>\n");
        switch (page) {
            case FORWARD -> forward(s);
            case BACKWARD -> backward(s, series);
            case UPDATE -> update(s, series);
            default -> throw new IllegalArgumentException(page.name());
        }
        h.append("</section>\n");
    }

    private void forward(Worksheet s) {
        ParamLayout lay = s.layout();
        h.append("<h2>").append(esc(t.get("ws.given"))).append("</h2>\n");
        image(s);
        for (int l = 0; l < lay.layers(); l++) {
            String L = lay.layerName(l);
            params(s, l, t.get("ws.weights", L), p -> given(s.net().param(p)));
        }
        h.append("<h2>").append(esc(t.get("ws.formulas"))).append("</h2>\n");
        for (int l = 0; l < lay.layers(); l++) {
            String L = lay.layerName(l);
            String u = Worksheet.unitLetter(lay, l);
            String v = Worksheet.inputLetter(lay, l);
            String in = Worksheet.inputSymbol(lay, l);
            String out = Worksheet.outputSymbol(lay, l);
            formula("s" + L + "[" + u + "] = Σ_" + v + " w" + L + "[" + u + "][" + v + "]·" + in + "[" + v + "] − θ" + L + "[" + u + "]");
            formula(out + "[" + u + "] = σ(s" + L + "[" + u + "]) = 1/(1 + e^(−s" + L + "[" + u + "]))");
        }
        formula("e = ½ Σ_k (t[k] − z[k])²");
        h.append("<h2>").append(esc(t.get("ws.fillIn"))).append("</h2>\n<div class=\"grids\">\n");
        for (int l = 0; l < lay.layers(); l++) {
            h.append("<table><caption>").append(esc(t.get(l == lay.layers() - 1 ? "ws.outputLayer" : "ws.hiddenLayer",
                    lay.layerName(l), lay.units(l)))).append("</caption>\n<tr><th></th><th>s").append(lay.layerName(l))
                    .append("</th><th>").append(Worksheet.outputSymbol(lay, l)).append("</th></tr>\n");
            for (int j = 0; j < lay.units(l); j++) {
                h.append("<tr><th>").append(j + 1).append("</th>");
                box(s.sName(l, j), s.trace().s(l, j));
                box(s.zName(l, j), s.trace().z(l, j));
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<table><caption>").append(esc(t.get("ws.errorOfImage"))).append("</caption><tr><th>e</th>");
        box("e", s.trace().e());
        h.append("</tr></table>\n</div>\n");
    }

    private void backward(Worksheet s, boolean series) {
        ParamLayout lay = s.layout();
        int last = lay.layers() - 1;
        h.append("<h2>").append(esc(t.get("ws.given"))).append("</h2>\n");
        if (series) {
            h.append("<p class=\"note\">").append(esc(t.get("ws.useForward"))).append("</p>\n");
        } else {
            image(s);
            h.append("<div class=\"grids\">\n");
            for (int l = 0; l < lay.layers(); l++) {
                h.append("<table><caption>").append(esc(t.get("ws.forwardResult", lay.layerName(l)))).append("</caption>\n<tr><th></th><th>")
                        .append(Worksheet.outputSymbol(lay, l)).append("</th></tr>\n");
                for (int j = 0; j < lay.units(l); j++) {
                    h.append("<tr><th>").append(j + 1).append("</th>").append(given(s.trace().z(l, j))).append("</tr>\n");
                }
                h.append("</table>\n");
            }
            h.append("</div>\n");
        }
        for (int l = 1; l < lay.layers(); l++) {
            params(s, l, t.get("ws.weights", lay.layerName(l)), p -> given(s.net().param(p)));
        }
        h.append("<h2>").append(esc(t.get("ws.formulas"))).append("</h2>\n");
        String lo = lay.layerName(last);
        formula("δ" + lo + "[k] = −(t[k] − z[k])·z[k](1 − z[k])");
        for (int l = last - 1; l >= 0; l--) {
            String L = lay.layerName(l);
            String A = lay.layerName(l + 1);
            String out = Worksheet.outputSymbol(lay, l);
            formula("δ" + L + "[j] = (Σ_k δ" + A + "[k]·w" + A + "[k][j])·" + out + "[j](1 − " + out + "[j])");
        }
        formula("∂e/∂w[j][i] = δ[j]·(" + t.get("ws.inputOfWeight") + "),   ∂e/∂θ[j] = −δ[j]");
        h.append("<h2>").append(esc(t.get("ws.fillIn"))).append("</h2>\n<div class=\"grids\">\n");
        for (int l = last; l >= 0; l--) {
            h.append("<table><caption>δ").append(lay.layerName(l)).append("</caption>\n");
            for (int j = 0; j < lay.units(l); j++) {
                h.append("<tr><th>").append(j + 1).append("</th>");
                box(s.deltaName(l, j), s.trace().delta(l, j));
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</div>\n");
        double[] g = s.trace().gradient();
        for (int l = last; l >= 0; l--) {
            params(s, l, t.get("ws.terms", lay.layerName(l)), p -> boxHtml(s.termName(p), g[p]));
        }
    }

    private void update(Worksheet s, boolean series) {
        ParamLayout lay = s.layout();
        h.append("<h2>").append(esc(t.get("ws.given"))).append("</h2>\n");
        h.append("<p class=\"note\">η = ").append(esc(number(s.eta()))).append(". ")
                .append(esc(t.get(series ? "ws.gradientAllSeries" : "ws.gradientAll", s.data().size(), number(s.bigE()))))
                .append("</p>\n");
        h.append("<h2>").append(esc(t.get("ws.formulas"))).append("</h2>\n");
        formula("p′ = p − η·∂E/∂p,   ∂E/∂p = Σ_" + t.get("ws.images") + " ∂e/∂p");
        h.append("<h2>").append(esc(t.get("ws.fillIn"))).append("</h2>\n");
        for (int l = 0; l < lay.layers(); l++) {
            String L = lay.layerName(l);
            params(s, l, t.get("ws.updateBlock", L), p -> given(s.net().param(p)) + given(s.gradientE()[p])
                    + boxHtml(s.updatedName(p), s.updated(p)), 3);
        }
    }

    /** The image's pixels, drawn, and its targets t. */
    private void image(Worksheet s) {
        int height = s.data().height();
        int width = s.data().width();
        h.append("<div class=\"grids\">\n<table class=\"pixels\"><caption>").append(esc(t.get("ws.pixels"))).append("</caption>\n");
        for (int r = 0; r < height; r++) {
            h.append("<tr>");
            for (int c = 0; c < width; c++) {
                double x = s.data().pixel(s.image(), r * width + c);
                h.append(x >= 0.5 ? "<td class=\"black\">" : "<td>").append(esc(number(x))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<table><caption>").append(esc(t.get("ws.targets", s.data().labelOf(s.image())))).append("</caption>\n<tr>");
        for (int k = 0; k < s.data().labels().size(); k++) {
            h.append("<th>").append(k + 1).append(' ').append(esc(s.data().labels().get(k))).append("</th>");
        }
        h.append("</tr>\n<tr>");
        double[] target = s.trace().targets();
        for (double v : target) {
            h.append(given(v));
        }
        h.append("</tr>\n</table>\n</div>\n");
    }

    private void params(Worksheet s, int l, String caption, IntFunction<String> cell) {
        params(s, l, caption, cell, 1);
    }

    /**
     * Layer l's parameters, one cell (or {@code per} cells) each: the first layer's units as grids shaped like the
     * image (w[j][i] at the pixel i, as the book draws them) when the image is narrow enough, other layers as rows
     * w[k][1] … w[k][n], θ[k]. {@code per} = 3 for the update page: p, ∂E/∂p and p′ side by side.
     */
    private void params(Worksheet s, int l, String caption, IntFunction<String> cell, int per) {
        ParamLayout lay = s.layout();
        String L = lay.layerName(l);
        int height = s.data().height();
        int width = s.data().width();
        boolean shaped = l == 0 && width * per <= 12 && height * width == lay.inputs();
        h.append("<p class=\"note\"><b>").append(esc(caption)).append("</b></p>\n<div class=\"grids\">\n");
        if (shaped) {
            for (int j = 0; j < lay.units(l); j++) {
                h.append("<table><caption>w").append(L).append('[').append(j + 1).append("][i]")
                        .append(per == 3 ? esc(" " + t.get("ws.updateColumns")) : "").append("</caption>\n");
                for (int r = 0; r < height; r++) {
                    h.append("<tr>");
                    for (int c = 0; c < width; c++) {
                        h.append(cell.apply(lay.weight(l, j, r * width + c)));
                    }
                    h.append("</tr>\n");
                }
                h.append("<tr><th colspan=\"").append(width * per - per).append("\">θ").append(L).append('[').append(j + 1)
                        .append("]</th>").append(cell.apply(lay.threshold(l, j))).append("</tr>\n</table>\n");
            }
        } else {
            h.append("<table>\n<tr><th></th>");
            for (int i = 0; i < lay.fanIn(l); i++) {
                h.append("<th colspan=\"").append(per).append("\">w[·][").append(i + 1).append("]</th>");
            }
            h.append("<th colspan=\"").append(per).append("\">θ</th></tr>\n");
            for (int j = 0; j < lay.units(l); j++) {
                h.append("<tr><th>").append(L).append('[').append(j + 1).append("]</th>");
                for (int i = 0; i < lay.fanIn(l); i++) {
                    h.append(cell.apply(lay.weight(l, j, i)));
                }
                h.append(cell.apply(lay.threshold(l, j))).append("</tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</div>\n");
    }

    private void formula(String text) {
        h.append("<p class=\"formula\">").append(esc(text)).append("</p>\n");
    }

    private static String given(double v) {
        return "<td>" + esc(number(v)) + "</td>";
    }

    private void box(String name, double v) {
        h.append(boxHtml(name, v));
    }

    /** An answer box: empty on the sheet; on the key the rounded value, and the full double in data-value. */
    private String boxHtml(String name, double v) {
        if (!answers) {
            return "<td class=\"box\" title=\"" + esc(name) + "\"></td>";
        }
        return "<td class=\"box key\" title=\"" + esc(name) + "\" data-name=\"" + esc(name) + "\" data-value=\""
                + v + "\">" + esc(number(v)) + "</td>";
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
