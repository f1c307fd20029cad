package io.haina.crm.platform.security.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Departments arranged as a tree for display, with each one's depth. */
public final class DepartmentTree {

    /** One line of the tree as shown: the department and how deep it sits. */
    public record Node(Department department, int depth, boolean hasChildren) {
    }

    private final List<Department> all;
    private final Map<Long, List<Department>> children = new HashMap<>();

    public DepartmentTree(Collection<Department> departments) {
        this.all = List.copyOf(departments);
        for (Department d : departments) {
            children.computeIfAbsent(d.parentId() == null ? 0L : d.parentId(), k -> new ArrayList<>()).add(d);
        }
    }

    /** Depth-first, siblings in their stored order: the order of an indented list. */
    public List<Node> flattened() {
        List<Node> nodes = new ArrayList<>();
        walk(0L, 0, nodes, new HashSet<>());
        return nodes;
    }

    /** Where a department may move: anywhere but under itself. */
    public List<Node> moveTargetsFor(long departmentId) {
        Set<Long> excluded = new HashSet<>();
        collect(departmentId, excluded);
        return flattened().stream().filter(n -> !excluded.contains(n.department().id())).toList();
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public String nameOf(Long id) {
        if (id == null) {
            return null;
        }
        return all.stream().filter(d -> d.id() == id).map(Department::name).findFirst().orElse(null);
    }

    private void walk(long parent, int depth, List<Node> out, Set<Long> seen) {
        for (Department d : children.getOrDefault(parent, List.of())) {
            if (seen.add(d.id())) {
                out.add(new Node(d, depth, children.containsKey(d.id())));
                walk(d.id(), depth + 1, out, seen);
            }
        }
    }

    private void collect(long id, Set<Long> into) {
        if (into.add(id)) {
            children.getOrDefault(id, List.of()).forEach(child -> collect(child.id(), into));
        }
    }
}
