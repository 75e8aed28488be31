package io.github.shikumi.web;

/**
 * Starts the workbench with the test classpath for looking at it by hand, and for the load check:
 * {@code DevServer [port] [requestThreads]}.
 */
public final class DevServer {
    private DevServer() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
        // the load checks' simulated users all come from this computer's address: more than one device's share
        WebConfig config = WebConfig.defaults().withPort(port).withSessionsPerClient(1000)
                .withConnectionsPerClient(10_000);
        if (args.length > 1) {
            config = config.withRequestThreads(Integer.parseInt(args[1]));
        }
        ShikumiServer.create(config).start();
        System.out.println("http://127.0.0.1:" + port + "/");
    }
}
