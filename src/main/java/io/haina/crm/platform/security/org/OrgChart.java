package io.haina.crm.platform.security.org;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The organization as a graph: which department sits under which, who belongs where and who
 * reports to whom. Immutable and free of I/O, so that data scopes and cycle checks are plain
 * functions over it. Walks are cycle-safe even though saving refuses cycles.
 */
public final class OrgChart {

    /** A user's place in the organization. */
    public record Member(long id, Long departmentId, Long managerId) {
    }

    /** A department and its parent ({@code null} at the top). */
    public record Unit(long id, Long parentId) {
    }

    private final Map<Long, Long> parentOf = new HashMap<>();
    private final Map<Long, List<Long>> childrenOf = new HashMap<>();
    private final Map<Long, Member> members = new HashMap<>();
    private final Map<Long, List<Long>> reportsOf = new HashMap<>();
    private final Map<Long, List<Long>> membersOfDepartment = new HashMap<>();

    public OrgChart(Collection<Unit> units, Collection<Member> users) {
        for (Unit unit : units) {
            parentOf.put(unit.id(), unit.parentId());
            if (unit.parentId() != null) {
                childrenOf.computeIfAbsent(unit.parentId(), k -> new java.util.ArrayList<>()).add(unit.id());
            }
        }
        for (Member member : users) {
            members.put(member.id(), member);
            if (member.managerId() != null) {
                reportsOf.computeIfAbsent(member.managerId(), k -> new java.util.ArrayList<>()).add(member.id());
            }
            if (member.departmentId() != null) {
                membersOfDepartment.computeIfAbsent(member.departmentId(), k -> new java.util.ArrayList<>()).add(member.id());
            }
        }
    }

    public Set<Long> allUsers() {
        return Set.copyOf(members.keySet());
    }

    /** Everyone below the user in the manager chain, at any depth, without the user. */
    public Set<Long> subordinatesOf(long userId) {
        Set<Long> found = reachable(userId, reportsOf);
        found.remove(userId);
        return found;
    }

    /** The department and every department below it. */
    public Set<Long> departmentWithDescendants(long departmentId) {
        return reachable(departmentId, childrenOf);
    }

    /** The user's department and every department above it, up to the top; empty for a user in none. */
    public Set<Long> departmentLineOf(long userId) {
        Set<Long> line = new java.util.LinkedHashSet<>();
        for (Long department = departmentOf(userId); department != null && line.add(department); ) {
            department = parentOf.get(department);
        }
        return line;
    }

    /** The users whose department is one of these. */
    public Set<Long> membersOf(Collection<Long> departmentIds) {
        Set<Long> users = new HashSet<>();
        for (Long department : departmentIds) {
            users.addAll(membersOfDepartment.getOrDefault(department, List.of()));
        }
        return users;
    }

    public Long departmentOf(long userId) {
        Member member = members.get(userId);
        return member == null ? null : member.departmentId();
    }

    /** Whether making {@code managerId} the manager of {@code userId} would close a loop. */
    public boolean managerWouldCycle(long userId, Long managerId) {
        if (managerId == null) {
            return false;
        }
        Set<Long> seen = new HashSet<>();
        for (Long current = managerId; current != null && seen.add(current); ) {
            if (current == userId) {
                return true;
            }
            Member member = members.get(current);
            current = member == null ? null : member.managerId();
        }
        return false;
    }

    /** Whether moving {@code departmentId} under {@code newParentId} would put it under itself. */
    public boolean moveWouldCycle(long departmentId, Long newParentId) {
        if (newParentId == null) {
            return false;
        }
        Set<Long> seen = new HashSet<>();
        for (Long current = newParentId; current != null && seen.add(current); current = parentOf.get(current)) {
            if (Objects.equals(current, departmentId)) {
                return true;
            }
        }
        return false;
    }

    private static Set<Long> reachable(long start, Map<Long, List<Long>> edges) {
        Set<Long> seen = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>();
        todo.push(start);
        while (!todo.isEmpty()) {
            Long next = todo.pop();
            if (seen.add(next)) {
                edges.getOrDefault(next, List.of()).forEach(todo::push);
            }
        }
        return seen;
    }
}
