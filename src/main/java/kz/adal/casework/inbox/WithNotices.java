package kz.adal.casework.inbox;

import java.util.List;

/** What a command returns when it posted notices: its result, and the notices to mail once committed ({@link Inbox#deliverLater}). */
public record WithNotices<T>(T value, List<PostedNotice> notices) {
}
