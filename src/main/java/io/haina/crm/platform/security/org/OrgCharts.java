package io.haina.crm.platform.security.org;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.AccessCache;
import io.haina.crm.platform.security.AccessVersion;

/**
 * The org chart as data scopes and the "my subordinates'" scene read it: loaded once per
 * {@link AccessVersion}, which moves whenever a department or a user's place changes. Checks
 * made while changing the organization read {@link OrgChartRepository} directly.
 */
@Component
public class OrgCharts {

    private final OrgChartRepository repository;
    private final AccessCache<Boolean, OrgChart> chart;

    OrgCharts(OrgChartRepository repository, AccessVersion version) {
        this.repository = repository;
        this.chart = new AccessCache<>(version, 1);
    }

    public OrgChart current() {
        return chart.get(Boolean.TRUE, any -> repository.load());
    }
}
