import Foundation
import TenderPlanCore

/// The fit-gap report as one self-contained HTML page (inline CSS, no scripts, every string escaped).
public enum FitGapHTML {
    public static func render(_ view: FitGapView) -> String {
        var body = ""
        for table in [FitGapTable.fit, .options, .bids] {
            body += "<h2>\(heading(table))</h2>\n" + htmlTable(table.rows(view))
        }
        if !view.result.awards.isEmpty {
            body += "<ul class=\"sensitivity\">\n"
            for award in view.result.awards {
                body += "<li><b>\(htmlEscaped(award.tender.raw))</b>: winner \(htmlEscaped(award.winner?.raw ?? "none")). \(htmlEscaped(view.sensitivityText(award)))</li>\n"
            }
            body += "</ul>\n"
        }
        body += "<h2>Requirements × products</h2>\n"
        let (header, rows) = FitGapTable.matrix.rows(view)
        body += "<table class=\"matrix\">\n<thead><tr>" + header.map { "<th>\(htmlEscaped($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            body += "<tr>" + row.enumerated().map { index, cell in
                let text = cellText(cell)
                return index >= 4 ? "<td class=\"level-\(htmlEscaped(text))\">\(htmlEscaped(text))</td>" : "<td>\(htmlEscaped(text))</td>"
            }.joined() + "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
        let title = "Fit-gap: " + view.scenario.info.title
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(htmlEscaped(title))</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
        table { border-collapse: collapse; margin-bottom: 1.5rem; }
        th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; font-size: 0.9rem; }
        td.num { text-align: right; }
        .level-standard { background: #c8e6c9; } .level-configuration { background: #dcedc8; }
        .level-customisation { background: #fff9c4; } .level-roadmap { background: #ffe0b2; } .level-none { background: #ffcdd2; }
        @media print { body { margin: 0; } }
        </style>
        </head>
        <body>
        <h1>\(htmlEscaped(title))</h1>
        \(body)</body>
        </html>

        """
    }

    static func heading(_ table: FitGapTable) -> String {
        switch table {
        case .matrix: return "Requirements × products"
        case .fit: return "Fit per product and agency"
        case .options: return "Buying options"
        case .bids: return "Bids per tender"
        }
    }

    static func cellText(_ cell: CSVCell) -> String {
        switch cell {
        case .text(let text), .number(let text): return text
        case .empty: return ""
        }
    }

    static func htmlTable(_ table: (header: [String], rows: [[CSVCell]])) -> String {
        var out = "<table>\n<thead><tr>" + table.header.map { "<th>\(htmlEscaped($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>" + row.map { cell in
                if case .number(let text) = cell { return "<td class=\"num\">\(htmlEscaped(text))</td>" }
                return "<td>\(htmlEscaped(cellText(cell)))</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
