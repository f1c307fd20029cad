package io.haina.crm.platform.security.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DepartmentTreeTest {

    final DepartmentTree tree = new DepartmentTree(List.of(
            new Department(1, null, "海纳", 0, 0), new Department(2, 1L, "销售部", 0, 0),
            new Department(3, 2L, "华东", 0, 0), new Department(4, 1L, "服务部", 0, 0)));

    @Test
    void flattensDepthFirstWithDepths() {
        assertThat(tree.flattened()).extracting(n -> n.department().name() + "@" + n.depth())
                .containsExactly("海纳@0", "销售部@1", "华东@2", "服务部@1");
    }

    @Test
    void aDepartmentCannotMoveUnderItselfOrItsChildren() {
        assertThat(tree.moveTargetsFor(2)).extracting(n -> n.department().name()).containsExactly("海纳", "服务部");
    }
}
