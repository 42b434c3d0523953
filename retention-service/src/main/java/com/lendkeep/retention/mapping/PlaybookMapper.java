package com.lendkeep.retention.mapping;

import java.util.function.Function;

import com.lendkeep.retention.api.PlaybookResponse;
import com.lendkeep.retention.api.PlaybookVersionResponse;
import com.lendkeep.retention.domain.PlaybookChange;
import com.lendkeep.retention.rules.PlaybookRule;
import com.lendkeep.retention.service.PlaybookService;

public final class PlaybookMapper {
    private PlaybookMapper() {
    }

    public static PlaybookResponse toResponse(PlaybookService.Current current) {
        return new PlaybookResponse(current.version(), current.changedAt(), current.changedBy(), current.rules());
    }

    /** @param withRules whether to include the whole rule set after the change (one version) or not (the list) */
    public static PlaybookVersionResponse toResponse(PlaybookChange c, Function<String, PlaybookRule> read,
            Function<String, java.util.List<PlaybookRule>> readAll, boolean withRules) {
        return new PlaybookVersionResponse(c.version, c.changedAt, c.changedBy, c.action, c.ruleId, read.apply(c.before), read.apply(c.after),
                c.comment, withRules ? readAll.apply(c.snapshot) : null);
    }
}
