package io.haina.crm.platform.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.haina.crm.platform.files.StoredFile;
import io.haina.crm.platform.metadata.FieldDef;
import io.haina.crm.platform.metadata.FieldType;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.records.LookupNames;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.pages.FieldDisplay;

/**
 * The columns of an export: every field the exporter sees, titled with its label in their
 * language, values as the pages show them (option labels, ¥1,234.50, 是/否, times in their zone,
 * lookups as their targets' names, which an import reads back, files by their names) but empty cells empty. Text is guarded against formulas; amounts are not text.
 */
final class ExportColumns {

    private final List<FieldDef> fields;
    private final FieldDisplay display;

    ExportColumns(ObjectDef object, FieldDisplay display) {
        this(object.fields(), display);
    }

    private ExportColumns(List<FieldDef> fields, FieldDisplay display) {
        this.fields = fields;
        this.display = display;
    }

    /** The same columns, writing lookups as the names of their targets (a placeholder for those the exporter may not see). */
    ExportColumns withLookups(LookupNames names) {
        return new ExportColumns(fields, display.withLookups(names));
    }

    /** The same columns, writing attachment fields as the names of their files. */
    ExportColumns withFiles(Map<Long, StoredFile> files) {
        return new ExportColumns(fields, display.withFiles(files));
    }

    List<String> titles() {
        return fields.stream().map(display::label).toList();
    }

    List<ExportCell> cells(RecordData record) {
        List<ExportCell> cells = new ArrayList<>(fields.size());
        for (FieldDef field : fields) {
            cells.add(cell(field, record.get(field.name())));
        }
        return cells;
    }

    private ExportCell cell(FieldDef field, Object value) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
            return ExportCell.text("");
        }
        String shown = display.show(field, value);
        return switch (field.type()) {
            case FieldType.Money m -> new ExportCell(shown, (BigDecimal) value, "¥#,##0.00");
            case FieldType.Decimal d -> new ExportCell(shown, (BigDecimal) value,
                    d.scale() == 0 ? "#,##0" : "#,##0." + "0".repeat(d.scale()));
            case FieldType.Percent p -> ExportCell.text(shown);
            default -> ExportCell.text(FormulaGuard.text(shown));
        };
    }
}
