package io.haina.crm.platform.io;

import java.util.Map;

/** A record an import created or changed; for a change, its values before, as a form holds them. */
record ImportLink(int row, long recordId, Outcome action, Map<String, String> previous, int versionAfter) {
}
