"""Spreadsheets in and out: reading XLSX, XLS, ODS and CSV files, recognising their shape,
matching their indicators to targets, and writing clean XLSX and CSV files."""
