package io.github.shikumi.web;

/** Takes a screenshot of each view against a running server, for looking at the page by hand. */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8099/";
        String extra = args.length > 1 ? args[1] : "";
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 1280;
        try (Browser b = new Browser(width, 900)) {
            for (String view : Views.workbench()) {
                b.open(base + "#/" + view + "?" + extra);
                Thread.sleep(1500);
                b.fullScreenshot("tour-" + view + (width < 600 ? "-phone" : ""));
                for (String p : b.consoleProblems()) {
                    System.out.println(view + ": " + p);
                }
            }
        }
    }
}
