package io.github.shikumi.web;

import java.util.Locale;

/** A request the API refuses: an HTTP status (4xx) and a message key, answered as {@code {"error": "..."}}. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final WebMsg msg;
    private final Object[] args;

    public ApiException(int status, WebMsg msg, Object... args) {
        super(null, null, false, false);
        this.status = status;
        this.msg = msg;
        this.args = args.clone();
    }

    public static ApiException badRequest(WebMsg msg, Object... args) {
        return new ApiException(400, msg, args);
    }

    public int status() {
        return status;
    }

    public WebMsg msg() {
        return msg;
    }

    public String message(Locale locale) {
        return msg.format(locale, args);
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
