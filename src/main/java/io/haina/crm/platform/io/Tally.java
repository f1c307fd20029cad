package io.haina.crm.platform.io;

/** The running counts of a dry run, kept in memory and written every so often. */
final class Tally {

    private int processed;
    private int created;
    private int updated;
    private int skipped;
    private int failed;

    void count(Outcome outcome) {
        processed++;
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case SKIPPED -> skipped++;
        }
    }

    void countFailed() {
        processed++;
        failed++;
    }

    int processed() {
        return processed;
    }

    int created() {
        return created;
    }

    int updated() {
        return updated;
    }

    int skipped() {
        return skipped;
    }

    int failed() {
        return failed;
    }
}
