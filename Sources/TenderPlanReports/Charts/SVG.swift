import Foundation
import TenderPlanCore

/// A small SVG writer: every text and attribute value goes through `htmlEscaped`, coordinates are locale-free.
struct SVG {
    var body = ""
    let width: Double
    let height: Double
    let label: String

    init(width: Double, height: Double, label: String) {
        self.width = width
        self.height = height
        self.label = label
    }

    /// A coordinate with one decimal, written the same on every machine.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
                       className: String? = nil, title: String? = nil) {
        body += "<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(max(width, 0)))\" height=\"\(SVG.n(max(height, 0)))\" fill=\"\(fill)\""
        if let stroke { body += " stroke=\"\(stroke)\" stroke-width=\"1.5\"" }
        if let className { body += " class=\"\(className)\"" }
        body += title.map { "><title>\(htmlEscaped($0))</title></rect>" } ?? "/>"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false) {
        body += "<line x1=\"\(SVG.n(x1))\" y1=\"\(SVG.n(y1))\" x2=\"\(SVG.n(x2))\" y2=\"\(SVG.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(SVG.n(width))\""
        body += dashed ? " stroke-dasharray=\"4 3\"/>" : "/>"
    }

    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 11, bold: Bool = false,
                       fill: String = "#222") {
        body += "<text x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" font-size=\"\(SVG.n(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        body += bold ? " font-weight=\"bold\">" : ">"
        body += htmlEscaped(content) + "</text>"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
        let list = points.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " ")
        body += "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(SVG.n(width))\"/>"
    }

    mutating func diamond(x: Double, y: Double, size: Double, fill: String, stroke: String? = nil, title: String? = nil) {
        let points = [(x, y - size), (x + size, y), (x, y + size), (x - size, y)].map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " ")
        body += "<polygon points=\"\(points)\" fill=\"\(fill)\""
        if let stroke { body += " stroke=\"\(stroke)\" stroke-width=\"1.5\"" }
        body += title.map { "><title>\(htmlEscaped($0))</title></polygon>" } ?? "/>"
    }

    /// Truncates a label to `count` characters with an ellipsis, so long names do not run into the chart.
    static func clip(_ text: String, _ count: Int) -> String {
        text.count <= count ? text : String(text.prefix(count - 1)) + "…"
    }

    var rendered: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" width=\"\(SVG.n(width))\" "
            + "height=\"\(SVG.n(height))\" role=\"img\" aria-label=\"\(htmlEscaped(label))\" font-family=\"sans-serif\">"
            + "<title>\(htmlEscaped(label))</title>" + body + "</svg>"
    }

    /// A colour from red (0) over amber to green (1), for fits and coverage.
    static func scale(_ value: Double) -> String {
        let v = min(max(value, 0), 1)
        let (r, g, b): (Double, Double, Double) = v < 0.5
            ? (220, 60 + 300 * v, 50)
            : (220 - 340 * (v - 0.5), 210 - 40 * (v - 0.5), 50 + 60 * (v - 0.5))
        return String(format: "#%02x%02x%02x", Int(r.rounded()), Int(g.rounded()), Int(b.rounded()))
    }

    /// Series colours, chosen to stay apart in print and for colour-blind readers.
    static let palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]
}
