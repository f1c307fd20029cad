package io.haina.crm.demo;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.security.setup.SetupState;

/**
 * Fills an empty Haina with a living company (issue 4, item 13): people, customers, contacts,
 * leads, half a year of follow-ups, tasks, pools. Only ever into an empty database; the same
 * seed gives the same company every time.
 */
@Component
public class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final long SEED = 20261123L;

    private final SetupState setupState;
    private final DemoOrganization organization;
    private final DemoSales sales;
    private final DemoBackdating backdating;

    DemoLoader(SetupState setupState, DemoOrganization organization, DemoSales sales, DemoBackdating backdating) {
        this.setupState = setupState;
        this.organization = organization;
        this.sales = sales;
        this.backdating = backdating;
    }

    /** What a load made. */
    public record Result(int users, int customers, int contacts, int leads, int followUps, int tasks, int pooled,
                         int converted, Duration took) {
    }

    /** Loads the demo company, or returns empty when Haina is already set up (nothing is touched then). */
    public java.util.Optional<Result> loadIfEmpty(int customers, int leads) {
        if (setupState.isComplete()) {
            log.info("Demo data not loaded: this Haina is already set up (the demo fills an empty database only)");
            return java.util.Optional.empty();
        }
        Instant start = Instant.now();
        log.info("Loading the demo company: {} customers, {} leads ...", customers, leads);
        DemoOrganization.People people = organization.create();
        DemoSales.Made made = sales.create(people, new DemoNames(SEED), customers, leads);
        backdating.backdate("customer", "customer", made.customersSince());
        backdating.backdate("lead", "lead", made.leadsSince());
        Result result = new Result(people.users(),
                made.customersSince().size(), made.contacts(), made.leadsSince().size(), made.followUps(), made.tasks(),
                made.pooled(), made.converted(), Duration.between(start, Instant.now()));
        log.info("Demo company loaded in {} s: {}", result.took().toSeconds(), result);
        return java.util.Optional.of(result);
    }
}
