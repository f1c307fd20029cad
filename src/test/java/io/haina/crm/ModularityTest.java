package io.haina.crm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules talk through each other's top-level API and events only, and do not depend in a circle. */
class ModularityTest {

    final ApplicationModules modules = ApplicationModules.of(HainaApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theFoundationModulesAreDetected() {
        assertThat(modules.stream().map(m -> m.getBasePackage().getName()))
                .contains("io.haina.crm.platform.web", "io.haina.crm.platform.security", "io.haina.crm.platform.audit",
                        "io.haina.crm.platform.database", "io.haina.crm.platform.search");
    }
}
