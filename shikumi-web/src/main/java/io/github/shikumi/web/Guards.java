package io.github.shikumi.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What protects the server from pages on other sites and from being framed: requests must name this server
 * in {@code Host} (and, when sent, {@code Origin}): one of the addresses it listens on, {@code localhost}
 * for loopback, or a name the teacher allowed (DNS rebinding and cross-site requests are refused, 403);
 * changes of state ({@code POST}, {@code PUT}) must be {@code application/json} (415), which a page on
 * another site cannot send without the browser asking first; and every answer carries a Content Security
 * Policy (scripts from this server only, {@code frame-ancestors 'none'}), {@code nosniff} and
 * {@code Referrer-Policy: no-referrer}.
 */
final class Guards {
    private final Set<String> names;
    private final String csp;

    Guards(WebConfig config) {
        this.names = Collections.unmodifiableSet(allowedNames(config));
        this.csp = "default-src 'self'; script-src 'self'" + inlineScriptHashes()
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The host names requests may use. */
    Set<String> names() {
        return names;
    }

    String contentSecurityPolicy() {
        return csp;
    }

    /** Before every request: headers on the answer, then the checks (an {@link ApiException} refuses it). */
    void before(Context ctx) {
        ctx.header("Content-Security-Policy", csp);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        String host = hostName(ctx.header("Host"));
        if (host == null || !names.contains(host)) {
            throw new ApiException(403, WebMsg.HOST_REFUSED, Texts.shorten(String.valueOf(ctx.header("Host"))));
        }
        String origin = ctx.header("Origin");
        if (origin != null && !allowedOrigin(origin)) {
            throw new ApiException(403, WebMsg.ORIGIN_REFUSED, Texts.shorten(origin));
        }
        String method = ctx.method().name();
        if ((method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) && ctx.path().startsWith("/api/")) {
            String type = ctx.header("Content-Type");
            String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!media.equals("application/json")) {
                throw new ApiException(415, WebMsg.CONTENT_TYPE, Texts.shorten(type == null ? "" : type));
            }
        }
    }

    private boolean allowedOrigin(String origin) {
        try {
            URI u = new URI(origin);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
                    && names.contains(normalise(u.getHost()));
        } catch (Exception e) {
            return false;
        }
    }

    /** The name in a Host header without its port, in lower case; IPv6 without brackets; null when malformed. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : normalise(h.substring(1, end));
        }
        int colon = h.indexOf(':');
        return normalise(colon < 0 ? h : h.substring(0, colon));
    }

    private static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.contains(":")) { // IPv6: one spelling
            try {
                n = InetAddress.getByName(n).getHostAddress().replaceAll("%.*$", "");
            } catch (IOException e) {
                return n;
            }
        }
        return n;
    }

    /** The listening address, or every address of this machine for a wildcard; localhost for loopback; the allowed names. */
    static Set<String> allowedNames(WebConfig config) {
        Set<String> out = new LinkedHashSet<>();
        for (InetAddress a : listening(config.host())) {
            out.add(normalise(a.getHostAddress()));
            if (a.isLoopbackAddress()) {
                out.add("localhost");
                out.add("127.0.0.1");
                out.add(normalise("::1"));
            }
        }
        if (!isAddress(config.host())) {
            out.add(normalise(config.host())); // a name given to --host
        }
        for (String n : config.allowedHosts()) {
            out.add(normalise(n.trim()));
        }
        return out;
    }

    /** The addresses clients reach the server at: for 0.0.0.0 or :: every address of every interface that is up. */
    static List<InetAddress> listening(String host) {
        List<InetAddress> out = new ArrayList<>();
        try {
            InetAddress bound = InetAddress.getByName(host);
            if (!bound.isAnyLocalAddress()) {
                out.add(bound);
                return out;
            }
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (bound instanceof Inet6Address || !(a instanceof Inet6Address)) {
                        out.add(a);
                    }
                }
            }
        } catch (IOException e) {
            // an unknown name: nothing listens there (the server does not start)
        }
        return out;
    }

    private static boolean isAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    /** 'sha256-…' of each inline script of the page (its import map), so the policy allows exactly those. */
    private static String inlineScriptHashes() {
        StringBuilder b = new StringBuilder();
        try (InputStream in = Guards.class.getResourceAsStream(ShikumiServer.APP_DIR + "/index.html")) {
            if (in == null) {
                return "";
            }
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL).matcher(page);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            while (m.find()) {
                byte[] h = sha.digest(m.group(1).getBytes(StandardCharsets.UTF_8));
                b.append(" 'sha256-").append(Base64.getEncoder().encodeToString(h)).append('\'');
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return b.toString();
    }

    /** For the CLI's warning: the addresses other machines can open, loopback and link-local left out. */
    static List<String> reachable(String host) {
        List<String> out = new ArrayList<>();
        for (InetAddress a : listening(host)) {
            if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                String s = a.getHostAddress().replaceAll("%.*$", "");
                out.add(a instanceof Inet6Address ? "[" + s + "]" : s);
            }
        }
        return out;
    }

    static boolean isWildcard(String host) {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
