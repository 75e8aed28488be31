package io.github.shikumi.web;

/** Starts the workbench with the test classpath for looking at it by hand: {@code DevServer [port]}. */
public final class DevServer {
    private DevServer() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
        ShikumiServer.create(WebConfig.defaults().withPort(port)).start();
        System.out.println("http://127.0.0.1:" + port + "/");
    }
}
