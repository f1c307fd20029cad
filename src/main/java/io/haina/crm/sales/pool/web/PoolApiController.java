package io.haina.crm.sales.pool.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.sales.pool.PoolClaims;
import io.haina.crm.sales.pool.PoolDirectory;
import io.haina.crm.sales.pool.PoolReturns;
import io.haina.crm.sales.pool.PoolView;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The pools over REST: the pools open to the caller, and claiming, assigning, returning and
 * locking a lead or customer. A pool's records are listed like any records:
 * {@code GET /api/v1/objects/customer?filter=pool_id eq 3}. Refusals are problem JSON (409 with
 * the reason in the caller's language).
 */
@RestController
@Tag(name = "Pools")
class PoolApiController {

    private final PoolDirectory directory;
    private final PoolClaims claims;
    private final PoolReturns returns;
    private final CurrentUsers users;

    PoolApiController(PoolDirectory directory, PoolClaims claims, PoolReturns returns, CurrentUsers users) {
        this.directory = directory;
        this.claims = claims;
        this.returns = returns;
        this.users = users;
    }

    record PoolSummary(long id, String object, String name, String description, long waiting, boolean waitingCapped,
                       boolean administered, Integer claimsPerDay, Integer ownedCap, Integer reclaimBarDays) {
        static PoolSummary of(PoolView view) {
            var pool = view.pool();
            return new PoolSummary(pool.id(), pool.objectCode(), pool.name(), pool.description(), view.waiting(),
                    view.waitingCapped(), view.administered(), pool.claimsPerDay(), pool.ownedCap(), pool.reclaimBarDays());
        }
    }

    record ReturnRequest(long poolId, String reason) {
    }

    record AssignRequest(long assigneeId) {
    }

    record LockRequest(boolean locked) {
    }

    @GetMapping("/api/v1/pools")
    List<PoolSummary> pools() {
        return directory.openTo(users.require().id()).stream().map(PoolSummary::of).toList();
    }

    @PostMapping("/api/v1/objects/{object}/{id}/claim")
    ResponseEntity<Void> claim(@PathVariable String object, @PathVariable long id) {
        claims.claim(users.require().id(), object, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/objects/{object}/{id}/assign")
    ResponseEntity<Void> assign(@PathVariable String object, @PathVariable long id, @RequestBody AssignRequest body) {
        claims.assign(users.require().id(), object, id, body.assigneeId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/objects/{object}/{id}/return")
    ResponseEntity<Void> returnToPool(@PathVariable String object, @PathVariable long id, @RequestBody ReturnRequest body) {
        returns.returnToPool(users.require().id(), object, id, body.poolId(), body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/objects/{object}/{id}/lock")
    ResponseEntity<Void> lock(@PathVariable String object, @PathVariable long id, @RequestBody LockRequest body) {
        returns.lockAgainstReturn(users.require().id(), object, id, body.locked());
        return ResponseEntity.noContent().build();
    }
}
