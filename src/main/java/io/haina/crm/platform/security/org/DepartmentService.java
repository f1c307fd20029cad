package io.haina.crm.platform.security.org;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.security.AdminOperation;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InputChecks;
import io.haina.crm.platform.web.NotFoundException;

/** Creates, renames, moves and deletes departments, for users whose role allows it. */
@Service
@Transactional
public class DepartmentService {

    private final DepartmentRepository departments;
    private final UserRepository users;
    private final OrgChartRepository charts;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;
    private final OrgChangeLock lock;

    DepartmentService(DepartmentRepository departments, UserRepository users, OrgChartRepository charts,
                      Permissions permissions, ApplicationEventPublisher events, OrgChangeLock lock) {
        this.departments = departments;
        this.users = users;
        this.charts = charts;
        this.permissions = permissions;
        this.events = events;
        this.lock = lock;
    }

    @Transactional(readOnly = true)
    public DepartmentTree tree(long actorId) {
        permissions.require(actorId, OrgObjects.DEPARTMENT, ObjectAction.VIEW);
        return new DepartmentTree(departments.all());
    }

    public long create(long actorId, Long parentId, String name) {
        permissions.require(actorId, OrgObjects.DEPARTMENT, ObjectAction.CREATE);
        InputChecks checks = new InputChecks();
        String clean = checks.required("name", name, 100);
        if (parentId != null && departments.find(parentId).isEmpty()) {
            checks.add("parentId", "department.error.parent-missing");
        }
        checks.throwIfAny();
        if (departments.siblingNameTaken(parentId, clean, null)) {
            throw new ConflictException("department.error.duplicate", clean);
        }
        long id = departments.insert(parentId, clean);
        log(actorId, "DEPARTMENT_CREATED", id, clean, details("parentId", parentId));
        return id;
    }

    public void rename(long actorId, long id, int version, String name) {
        permissions.require(actorId, OrgObjects.DEPARTMENT, ObjectAction.EDIT);
        Department current = find(id);
        InputChecks checks = new InputChecks();
        String clean = checks.required("name", name, 100);
        checks.throwIfAny();
        if (departments.siblingNameTaken(current.parentId(), clean, id)) {
            throw new ConflictException("department.error.duplicate", clean);
        }
        if (!departments.rename(id, version, clean)) {
            throw new ConflictException("validation.stale", current.name());
        }
        log(actorId, "DEPARTMENT_RENAMED", id, clean, details("from", current.name(), "to", clean));
    }

    public void move(long actorId, long id, int version, Long newParentId) {
        permissions.require(actorId, OrgObjects.DEPARTMENT, ObjectAction.EDIT);
        lock.hold();
        Department current = find(id);
        if (Objects.equals(current.parentId(), newParentId)) {
            return;
        }
        if (newParentId != null && departments.find(newParentId).isEmpty()) {
            throw new NotFoundException("department " + newParentId);
        }
        if (charts.load().moveWouldCycle(id, newParentId)) {
            throw new ConflictException("department.error.cycle");
        }
        if (departments.siblingNameTaken(newParentId, current.name(), id)) {
            throw new ConflictException("department.error.duplicate", current.name());
        }
        if (!departments.move(id, version, newParentId)) {
            throw new ConflictException("validation.stale", current.name());
        }
        log(actorId, "DEPARTMENT_MOVED", id, current.name(), details("fromParentId", current.parentId(), "toParentId", newParentId));
    }

    /** Only an empty department goes: no sub-departments, nobody in it (whatever their status). */
    public void delete(long actorId, long id) {
        permissions.require(actorId, OrgObjects.DEPARTMENT, ObjectAction.DELETE);
        Department current = find(id);
        if (departments.childCount(id) > 0) {
            throw new ConflictException("department.error.has-children", current.name());
        }
        int members = users.countInDepartment(id);
        if (members > 0) {
            throw new ConflictException("department.error.has-users", current.name(), members);
        }
        departments.delete(id);
        log(actorId, "DEPARTMENT_DELETED", id, current.name(), Map.of());
    }

    private Department find(long id) {
        return departments.find(id).orElseThrow(() -> new NotFoundException("department " + id));
    }

    private void log(long actorId, String action, long id, String name, Map<String, Object> details) {
        events.publishEvent(new AdminOperation(actorId, action, OrgObjects.DEPARTMENT, id, name, details));
    }

    static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return map;
    }
}
