package io.haina.crm.platform.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.notify.Notice;
import io.haina.crm.platform.notify.NoticeKind;
import io.haina.crm.platform.notify.Notifications;
import io.haina.crm.platform.security.Organization;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Everything a leaving user holds goes to one colleague in one step (C5): the records they own of
 * every declared object — customers, contacts, leads, and whatever objects come later — and what
 * other modules declare as {@link HandoverPart}s (open tasks). Administrators only, for a user who
 * has resigned, to an active user. Set-based and in one transaction: fifty thousand customers move
 * in seconds, each with a history entry "transferred from A to B", and either all of it moves or
 * nothing does. The receiving user gets one notice for the lot.
 */
@Service
@Transactional
public class UserHandover {

    public static final NoticeKind HANDED_OVER = NoticeKind.of("RECORDS_HANDED_OVER");
    /** The history action of each record moved. */
    public static final String TRANSFERRED = "TRANSFERRED";

    private final RecordAccess access;
    private final SystemRecords system;
    private final Organization organization;
    private final Notifications notifications;
    private final List<HandoverPart> parts;

    UserHandover(RecordAccess access, SystemRecords system, Organization organization, Notifications notifications,
                 ObjectProvider<HandoverPart> parts) {
        this.access = access;
        this.system = system;
        this.organization = organization;
        this.notifications = notifications;
        this.parts = parts.orderedStream().toList();
    }

    /**
     * One kind of thing a user holds and how many.
     *
     * @param code     the object's code, or the part's ({@code task})
     * @param labelKey what it is, as a message key (an object's plural)
     */
    public record Holding(String code, String labelKey, int count) implements java.io.Serializable {
    }

    /** What the user holds, kind by kind (none left out, so a page shows the zeros too). */
    @Transactional(readOnly = true)
    public List<Holding> holdings(long actorId, long userId) {
        requireAdministrator(actorId);
        requireUser(userId);
        List<Holding> held = new ArrayList<>();
        for (ObjectDef object : access.objects()) {
            held.add(new Holding(object.code(), object.labelKey() + ".plural", system.countOwned(object.code(), userId, Optional.empty())));
        }
        for (HandoverPart part : parts) {
            held.add(new Holding(part.code(), part.labelKey(), part.count(userId)));
        }
        return held;
    }

    /** Hands everything the resigned user holds to an active colleague; returns what moved. */
    public List<Holding> handOver(long actorId, long fromUserId, long toUserId) {
        requireAdministrator(actorId);
        String from = requireUser(fromUserId);
        if (!organization.hasResigned(fromUserId)) {
            throw new ConflictException("handover.error.not-resigned", from);
        }
        if (toUserId == fromUserId || !organization.isActiveUser(toUserId)) {
            throw InvalidInputException.of("toUserId", "handover.error.receiver");
        }
        String to = organization.displayNameOf(toUserId).orElseThrow();
        String reason = ChangeReason.of("record.reason.transferred", from, to);
        List<Holding> moved = new ArrayList<>();
        for (ObjectDef object : access.objects()) {
            moved.add(new Holding(object.code(), object.labelKey() + ".plural",
                    system.handOverAll(object.code(), fromUserId, toUserId, actorId, TRANSFERRED, reason)));
        }
        for (HandoverPart part : parts) {
            moved.add(new Holding(part.code(), part.labelKey(), part.handOver(fromUserId, toUserId, actorId)));
        }
        int total = moved.stream().mapToInt(Holding::count).sum();
        if (total > 0 && toUserId != actorId) {
            notifications.send(Notice.to(toUserId, HANDED_OVER).message("handover.notice", from, total,
                    organization.displayNameOf(actorId).orElse("")));
        }
        return moved;
    }

    private void requireAdministrator(long actorId) {
        if (!access.isAdministrator(actorId)) {
            throw new AccessDeniedException("handing over a user's records is for administrators");
        }
    }

    private String requireUser(long userId) {
        return organization.displayNameOf(userId).orElseThrow(() -> new NotFoundException("user " + userId));
    }
}
