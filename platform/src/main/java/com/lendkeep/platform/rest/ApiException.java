package com.lendkeep.platform.rest;

/** A business error with its HTTP status, answered as problem+json. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final String existingId;
    private final String existingLocation;

    public ApiException(int status, String title, String detail, String field) {
        this(status, title, detail, field, null, null);
    }

    private ApiException(int status, String title, String detail, String field, String existingId, String existingLocation) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.existingId = existingId;
        this.existingLocation = existingLocation;
    }

    /**
     * 409: a creation's natural key ({@code field}) is already held by another resource. The answer
     * names it ({@code existingId} in the body, {@code Location} to read it), so a client that retries
     * a creation whose first answer it lost learns what the first one made.
     */
    public static ApiException alreadyExists(String field, String detail, Object existingId, String existingLocation) {
        return new ApiException(409, "Conflict", detail, field, String.valueOf(existingId), existingLocation);
    }

    /** 428: a change to a versioned resource that does not say which version it was made against. */
    public static ApiException preconditionRequired(String detail) {
        return new ApiException(428, "Precondition Required", detail, "If-Match");
    }

    /** 412: If-Match is not the resource's current version. */
    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "Precondition Failed", detail, "If-Match");
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

    /** The id of the resource holding the natural key, on {@link #alreadyExists}; else null. */
    public String existingId() {
        return existingId;
    }

    /** Where that resource is read (the answer's Location), or null. */
    public String existingLocation() {
        return existingLocation;
    }
}
