package io.haina.crm.platform.io;

/**
 * Keeps a spreadsheet from running what a record says: a text cell starting with =, +, -, @, a
 * tab or a carriage return could be taken for a formula (CSV injection), so it gets a leading
 * apostrophe, which spreadsheets show as text. Imports take the apostrophe off again.
 */
final class FormulaGuard {

    private FormulaGuard() {
    }

    static String text(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
