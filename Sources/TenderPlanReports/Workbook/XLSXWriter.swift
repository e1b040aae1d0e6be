import Foundation
import TenderPlanCore
import ZIPFoundation

/// One cell of a workbook sheet, typed so that Excel and LibreOffice treat numbers as numbers and dates as dates.
public enum XLSXCell: Sendable, Equatable {
    case text(String)
    case number(Decimal)
    /// A fraction 0…1 shown with three decimals (fits, shares).
    case fraction(Decimal)
    case money(Decimal)
    case date(Day)
    case empty
}

/// A sheet: a header row (frozen, with an autofilter) and rows of cells.
public struct XLSXSheet: Sendable {
    public var name: String
    public var columns: [(header: String, width: Int)]
    public var rows: [[XLSXCell]]

    public init(name: String, columns: [(header: String, width: Int)], rows: [[XLSXCell]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}

/// Writes Office Open XML workbooks (`.xlsx`): inline strings, a style per cell type, fixed entry dates so
/// the same sheets give the same bytes.
public enum XLSXWriter {
    // Cell styles (indexes into cellXfs below).
    private static let headerStyle = 1, dateStyle = 2, moneyStyle = 3, textQuotedStyle = 4, fractionStyle = 5

    public static func data(_ sheets: [XLSXSheet], currency: String) throws -> Data {
        let archive = try Archive(accessMode: .create)
        var files: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
            ("xl/styles.xml", styles(currency: currency)),
        ]
        for (index, sheet) in sheets.enumerated() { files.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet))) }
        // 1980-01-01, the earliest ZIP date; ZIPFoundation converts it with gmtime, so no time zone enters.
        let fixedDate = Date(timeIntervalSince1970: 315_532_800)
        for (path, text) in files {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixedDate,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// A column letter: 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var n = index + 1, letters = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// Escapes XML text and drops the control characters XML 1.0 cannot carry.
    static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Days since 1899-12-30, the serial number spreadsheets use for dates.
    static func serial(_ day: Day) -> Int { day.number + 25_569 }

    static func worksheet(_ sheet: XLSXSheet) -> String {
        let lastColumn = column(max(sheet.columns.count - 1, 0))
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        out += "<dimension ref=\"A1:\(lastColumn)\(sheet.rows.count + 1)\"/>"
        out += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        out += "<cols>"
        for (index, entry) in sheet.columns.enumerated() {
            out += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(entry.width)\" customWidth=\"1\"/>"
        }
        out += "</cols><sheetData>"
        out += "<row r=\"1\">"
        for (index, entry) in sheet.columns.enumerated() {
            out += "<c r=\"\(column(index))1\" t=\"inlineStr\" s=\"\(headerStyle)\"><is><t xml:space=\"preserve\">\(xml(entry.header))</t></is></c>"
        }
        out += "</row>"
        for (r, row) in sheet.rows.enumerated() {
            let number = r + 2
            out += "<row r=\"\(number)\">"
            for (c, cell) in row.enumerated() {
                let ref = "\(column(c))\(number)"
                switch cell {
                case .empty: continue
                case .text(let text):
                    // A text that a spreadsheet would take for a formula is marked as text (quotePrefix), so
                    // editing the cell never turns it into one.
                    let risky = text.unicodeScalars.first.map { ["=", "+", "-", "@", "\t", "\r"].contains($0) } ?? false
                    out += "<c r=\"\(ref)\" t=\"inlineStr\"\(risky ? " s=\"\(textQuotedStyle)\"" : "")><is><t xml:space=\"preserve\">\(xml(text))</t></is></c>"
                case .number(let value):
                    out += "<c r=\"\(ref)\"><v>\(value)</v></c>"
                case .fraction(let value):
                    out += "<c r=\"\(ref)\" s=\"\(fractionStyle)\"><v>\(value)</v></c>"
                case .money(let value):
                    out += "<c r=\"\(ref)\" s=\"\(moneyStyle)\"><v>\(DecimalFormat.plain(value, places: 2))</v></c>"
                case .date(let day):
                    out += "<c r=\"\(ref)\" s=\"\(dateStyle)\"><v>\(serial(day))</v></c>"
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        out += "<autoFilter ref=\"A1:\(lastColumn)\(sheet.rows.count + 1)\"/>"
        out += "</worksheet>"
        return out
    }

    static func workbook(_ sheets: [XLSXSheet]) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (index, sheet) in sheets.enumerated() {
            out += "<sheet name=\"\(xml(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        out += "</sheets><definedNames>"
        for (index, sheet) in sheets.enumerated() {
            let last = column(max(sheet.columns.count - 1, 0))
            out += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">'\(xml(sheet.name.replacingOccurrences(of: "'", with: "''")))'!$A$1:$\(last)$\(sheet.rows.count + 1)</definedName>"
        }
        out += "</definedNames></workbook>"
        return out
    }

    static func styles(currency: String) -> String {
        let symbol = currency == "EUR" ? "€" : currency
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + #"<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/>"#
            + "<numFmt numFmtId=\"165\" formatCode=\"&quot;\(xml(symbol)) &quot;#,##0.00;\\-&quot;\(xml(symbol)) &quot;#,##0.00\"/>"
            + #"<numFmt numFmtId="166" formatCode="0.000"/></numFmts>"#
            + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
            + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
            + #"<fill><patternFill patternType="solid"><fgColor rgb="FFEEF2F7"/><bgColor indexed="64"/></patternFill></fill></fills>"#
            + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
            + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>"#
            + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
            + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
            + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>"#
            + #"<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            + "</styleSheet>"
    }

    static func contentTypes(_ count: Int) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        out += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        out += #"<Default Extension="xml" ContentType="application/xml"/>"#
        out += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        out += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for index in 1...max(count, 1) {
            out += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return out + "</Types>"
    }

    static let rootRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbookRelationships(_ count: Int) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 1...max(count, 1) {
            out += "<Relationship Id=\"rId\(index)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return out + "</Relationships>"
    }
}
