package com.lendkeep.platform.rest;

/** A business error with its HTTP status, answered as problem+json. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    public ApiException(int status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "Not Found", what + " " + id + " does not exist", null);
    }

    public static ApiException badRequest(String field, String detail) {
        return new ApiException(400, "Bad Request", detail, field);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail, null);
    }

    /** Authenticated, but not allowed to do this. */
    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail, null);
    }

    /** The request is well-formed but the current state does not allow it. */
    public static ApiException unprocessable(String detail) {
        return new ApiException(422, "Unprocessable Content", detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
