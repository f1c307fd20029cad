package io.haina.crm.platform.io;

/** What one good row did (or, in a dry run, would do). */
enum Outcome {
    CREATED, UPDATED, SKIPPED
}
