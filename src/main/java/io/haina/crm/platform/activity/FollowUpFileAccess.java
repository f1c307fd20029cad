package io.haina.crm.platform.activity;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.files.FileHolder;
import io.haina.crm.platform.files.FileHolderAccess;
import io.haina.crm.platform.web.NotFoundException;

/** Who may download a follow-up's file: whoever may read the follow-up, that is its record. */
@Component
class FollowUpFileAccess implements FileHolderAccess {

    private final FollowUps followUps;

    FollowUpFileAccess(FollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public String kind() {
        return FileHolder.FOLLOW_UP;
    }

    @Override
    public boolean mayRead(long actorId, FileHolder holder) {
        try {
            followUps.find(actorId, holder.id());
            return true;
        } catch (NotFoundException | AccessDeniedException e) {
            return false;
        }
    }
}
