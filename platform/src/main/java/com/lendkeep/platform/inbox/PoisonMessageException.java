package com.lendkeep.platform.inbox;

/**
 * A message that can never be processed, however often it is retried: malformed JSON, an unknown
 * type or schema version, a payload failing validation. It goes to the dead-letter topic with this
 * message as the reason, and the consumer moves on.
 */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String reason) {
        super(reason);
    }

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
