#!/usr/bin/env python3
"""Reads a workbook back with openpyxl, as a user's tools would, and prints what the tests check:
sheet names, frozen panes, autofilters and the named cells' values, types and number formats.
Any warning openpyxl gives (e.g. a repaired file) is an error.

usage: check-workbook.py WORKBOOK [SHEET!CELL ...]"""
import datetime, json, sys, warnings

warnings.simplefilter("error")
import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": book.sheetnames,
       "frozen": {ws.title: ws.freeze_panes for ws in book},
       "filters": {ws.title: ws.auto_filter.ref for ws in book},
       "rows": {ws.title: ws.max_row for ws in book},
       "cells": {}}
for ref in sys.argv[2:]:
    sheet, cell = ref.split("!")
    c = book[sheet][cell]
    value = c.value
    if isinstance(value, datetime.datetime):
        value = value.date().isoformat()
    out["cells"][ref] = {"value": value, "type": c.data_type, "format": c.number_format,
                         "quote_prefix": bool(c.quotePrefix) if hasattr(c, "quotePrefix") else c.style_array.quotePrefix == 1}
print(json.dumps(out, ensure_ascii=False, default=str))
