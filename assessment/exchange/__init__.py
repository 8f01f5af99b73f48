"""Files in and out: the canonical document, imports, the workbook, the report, Word and action exports."""
