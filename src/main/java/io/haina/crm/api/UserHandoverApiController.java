package io.haina.crm.api;

import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.haina.crm.platform.records.UserHandover;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/v1/users/{id}/transfer-all} with {@code {"toUserId": 7}}: an administrator
 * hands everything a resigned user holds (the records they own of every object, their open tasks)
 * to an active colleague. Answers what moved, kind by kind.
 */
@RestController
@Tag(name = "Users")
class UserHandoverApiController {

    private final UserHandover handover;
    private final CurrentUsers users;

    UserHandoverApiController(UserHandover handover, CurrentUsers users) {
        this.handover = handover;
        this.users = users;
    }

    record HandoverRequest(Long toUserId) {
    }

    record HandoverView(List<UserHandover.Holding> moved, int total) {
    }

    @PostMapping("/api/v1/users/{id}/transfer-all")
    HandoverView transferAll(@PathVariable long id, @RequestBody HandoverRequest body) {
        if (body.toUserId() == null) {
            throw InvalidInputException.of("toUserId", "handover.error.receiver");
        }
        List<UserHandover.Holding> moved = handover.handOver(users.require().id(), id, body.toUserId());
        return new HandoverView(moved, moved.stream().mapToInt(UserHandover.Holding::count).sum());
    }
}
