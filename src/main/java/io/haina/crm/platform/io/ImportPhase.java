package io.haina.crm.platform.io;

/** The three passes a job makes over an import; each has its own problems. */
enum ImportPhase {
    CHECK, RUN, UNDO
}
