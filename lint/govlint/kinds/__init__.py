"""Rule kinds: the Python half of a rule. Packs (YAML) instantiate them with ids, severities,
Chinese messages, legal bases and parameters. One module per kind; the registry maps the kind
name used in packs to its module, imported only when a pack uses it."""

KINDS: dict[str, str] = {
    # structure and statements (GL1xx, GL2xx, GL4xx, GL5xx, GL6xx, GL9xx)
    "required-section": "govlint.kinds.required_section",
    "section-order": "govlint.kinds.section_order",
    "empty-section": "govlint.kinds.empty_section",
    "report-title": "govlint.kinds.report_title",
    "announced-count": "govlint.kinds.announced_count",
    "heading-numbering": "govlint.kinds.heading_numbering",
    "statistics-period": "govlint.kinds.statistics_period",
    "contact-info": "govlint.kinds.contact_info",
    "required-statement": "govlint.kinds.required_statement",
    "publication-date": "govlint.kinds.publication_date",
    "year-mismatch": "govlint.kinds.year_mismatch",
    "forbidden-section": "govlint.kinds.forbidden_section",
    "forbidden-pattern": "govlint.kinds.forbidden_pattern",
    "date-format": "govlint.kinds.date_format",
    "document-kind": "govlint.kinds.document_kind",
    "unused-suppression": "govlint.kinds.unused_suppression",
    "reader-notice": "govlint.kinds.reader_notice",
    # tables and arithmetic (GL105, GL106, GL3xx)
    "required-table": "govlint.kinds.required_table",
    "table-structure": "govlint.kinds.table_structure",
    "sum": "govlint.kinds.sum",
    "balance": "govlint.kinds.balance",
    "partition": "govlint.kinds.partition",
    "cross-check": "govlint.kinds.cross_check",
    "percentage": "govlint.kinds.percentage",
    "invalid-figure": "govlint.kinds.invalid_figure",
    "blank-cell": "govlint.kinds.blank_cell",
    "implausible-figure": "govlint.kinds.implausible_figure",
    "carryover": "govlint.kinds.carryover",
}
