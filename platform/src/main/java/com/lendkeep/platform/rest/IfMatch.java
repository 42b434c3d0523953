package com.lendkeep.platform.rest;

/**
 * The {@code If-Match} header of a change to a versioned resource, whose ETag is its version number
 * ({@code "3"}). A change must say which version it was made against, so that it never overwrites
 * one it did not see: as If-Match, or as a version in the body where the resource offers one.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /**
     * The version named by {@code header} ({@code "3"}, {@code W/"3"} or {@code 3}); null for {@code *}
     * (any current version). 400 naming If-Match when it is none of these.
     *
     * @param what the resource, for the message ("the customer", "the playbook rule")
     */
    public static Long version(String header, String what) {
        String tag = header.strip();
        if (tag.equals("*")) {
            return null;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (!tag.matches("\\d{1,18}")) {
            throw ApiException.badRequest("If-Match", "If-Match must be the ETag of " + what + " (e.g. \"3\") or *");
        }
        return Long.parseLong(tag);
    }

    /** True when the header was sent with a value. */
    public static boolean present(String header) {
        return header != null && !header.isBlank();
    }

    /** 428 for a change that names no version. */
    public static ApiException required(String bodyField) {
        return ApiException.preconditionRequired("send the version you read, as If-Match (the ETag) or as the body's " + bodyField
                + ", so that no change is overwritten");
    }

    /** 412 for an If-Match that is not the current version. */
    public static ApiException stale(long sent, long current, String what) {
        return ApiException.preconditionFailed("If-Match names version " + sent + " but " + what + " is at version " + current
                + "; read it again and re-apply the change");
    }
}
