"""The progress report: one document, painted on PDF, printer and print preview alike.

- `builder` (with `summary`, `target_sections`, `chart_spec`, `appendices`) turns the data into a
  `document.Document` of plain values, without Qt, in the report's own language (`text`).
- `render` lays the document out page by page (`blocks`, `tables`, `flow`) with QPainter and
  paints it, charts included (`charts`, `status_chart`), on a QPdfWriter, a QPrinter or the
  QPrintPreviewDialog's printer: a custom layout engine rather than HTML in a QTextDocument, so
  that every page gets its header and "page X of Y" footer, table rows are never cut and table
  headers repeat, and charts are vectors.
- `pdftext` repairs the text layer Qt writes, so Chinese text in the PDF can be searched.
"""
