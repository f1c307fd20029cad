package io.haina.crm.platform.io;

import java.util.Locale;

/** Where an import stands. */
public enum ImportState {
    /** The file is read and the columns mapped; waiting for the user to check or run it. */
    UPLOADED,
    /** A dry run is going through the rows. */
    CHECKING,
    /** The dry run is done: the bad rows are listed, nothing was written. */
    CHECKED,
    RUNNING,
    DONE,
    UNDOING,
    UNDONE,
    /** The job stopped on an unexpected error (already logged); rows done before it stay done. */
    FAILED;

    /** A job is working on it: the page polls for progress. */
    public boolean busy() {
        return this == CHECKING || this == RUNNING || this == UNDOING;
    }

    /** The mapping and the duplicate policy may still change. */
    public boolean configurable() {
        return this == UPLOADED || this == CHECKED;
    }

    public String labelKey() {
        return "import.state." + name().toLowerCase(Locale.ROOT);
    }
}
