package io.haina.crm.platform.io;

import java.math.BigDecimal;

/**
 * One exported value: the text people read (CSV), and for amounts also the number and its Excel
 * format, so that a spreadsheet can add them up.
 */
record ExportCell(String text, BigDecimal number, String numberFormat) {

    static ExportCell text(String text) {
        return new ExportCell(text, null, null);
    }
}
