import Mustache

// Tables are most of what the templates draw (a plan can have thousands of rows). Answering the
// template engine's lookups directly is about ten times faster than its reflection-based default.

extension ReportTable: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "caption": return caption
        case "hasCaption": return hasCaption
        case "headers": return headers
        case "rows": return rows
        default: return nil
        }
    }
}

extension ReportTable.Header: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "numeric": return numeric
        case "rule": return rule
        default: return nil
        }
    }
}

extension ReportTable.Row: MustacheParent {
    public func child(named name: String) -> Any? { name == "cells" ? cells : nil }
}

extension ReportTable.Cell: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "numeric": return numeric
        case "strong": return strong
        case "tone": return tone
        default: return nil
        }
    }
}
