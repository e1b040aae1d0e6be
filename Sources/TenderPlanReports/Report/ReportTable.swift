/// A table as the templates draw it: a caption, column headers and rows of already formatted cells.
/// The templates render every table the same way, in Markdown and in HTML.
public struct ReportTable: Sendable {
    public struct Header: Sendable {
        public var text: String
        public var numeric: Bool
        /// The Markdown alignment marker: `---` or `---:` (stored: templates see stored properties only).
        public var rule: String
    }

    public struct Cell: Sendable {
        public var text: String
        public var numeric: Bool
        public var strong: Bool
        /// For HTML: a CSS class for a coloured cell (`good`, `warn`, `bad`), or empty.
        public var tone: String
    }

    public struct Row: Sendable {
        public var cells: [Cell]
    }

    public var caption: String
    public var hasCaption: Bool
    public var headers: [Header]
    public var rows: [Row]

    init(caption: String = "", headers: [(String, Bool)], rows: [[Cell]]) {
        self.caption = caption
        hasCaption = !caption.isEmpty
        self.headers = headers.map { Header(text: $0.0, numeric: $0.1, rule: $0.1 ? "---:" : "---") }
        self.rows = rows.map { Row(cells: $0) }
    }

    static func text(_ text: String, strong: Bool = false, tone: String = "") -> Cell {
        Cell(text: text, numeric: false, strong: strong && !text.isEmpty, tone: tone)
    }

    static func number(_ text: String, strong: Bool = false, tone: String = "") -> Cell {
        Cell(text: text, numeric: true, strong: strong && !text.isEmpty, tone: tone)
    }
}
