import Foundation
import TenderPlanCore

/// Stacked yearly bars: one bar per year, one segment per series (e.g. cost source).
struct StackedBarChart {
    var title: String
    var categories: [String]
    var series: [(name: String, values: [Decimal])]
    var format: LocalFormat

    func render() -> String {
        guard !categories.isEmpty else { return "" }
        let totals = categories.indices.map { index in series.reduce(Decimal(0)) { $0 + max($1.values[index], 0) } }
        let top = max(NSDecimalNumber(decimal: totals.max() ?? 0).doubleValue, 1)
        let left = 90.0, plotWidth = 760.0, plotHeight = 260.0, upper = 20.0
        let legendRows = (series.count + 3) / 4
        var svg = SVG(width: left + plotWidth + 20, height: upper + plotHeight + 40 + Double(legendRows) * 18, label: title)
        let slot = plotWidth / Double(categories.count)
        let barWidth = min(slot * 0.7, 60)
        func y(_ value: Double) -> Double { upper + plotHeight - value / top * plotHeight }
        for step in 0...4 {
            let value = top * Double(step) / 4
            svg.line(x1: left, y1: y(value), x2: left + plotWidth, y2: y(value), stroke: "#dddddd")
            svg.text(format.millions(Decimal(value)), x: left - 6, y: y(value) + 4, anchor: "end", size: 10)
        }
        for (index, category) in categories.enumerated() {
            let x = left + slot * Double(index) + (slot - barWidth) / 2
            var base = 0.0
            for (s, entry) in series.enumerated() {
                let value = max(NSDecimalNumber(decimal: entry.values[index]).doubleValue, 0)
                guard value > 0 else { continue }
                svg.rect(x: x, y: y(base + value), width: barWidth, height: y(base) - y(base + value),
                         fill: SVG.palette[s % SVG.palette.count], title: "\(category) · \(entry.name): \(format.money(entry.values[index]))")
                base += value
            }
            svg.text(category, x: x + barWidth / 2, y: upper + plotHeight + 14, anchor: "middle", size: 10)
        }
        for (s, entry) in series.enumerated() {
            let lx = left + Double(s % 4) * 190, ly = upper + plotHeight + 28 + Double(s / 4) * 18
            svg.rect(x: lx, y: ly, width: 12, height: 10, fill: SVG.palette[s % SVG.palette.count])
            svg.text(SVG.clip(entry.name, 28), x: lx + 16, y: ly + 9, size: 10)
        }
        return svg.rendered
    }
}

/// Cumulative probability curves ("S-curves"): for each series, the value reached at 0, 5, …, 100 %.
struct SCurveChart {
    var title: String
    var series: [(name: String, points: [Double])]
    /// A marker per series value, e.g. the deterministic plan date.
    var markers: [(label: String, value: Double)]
    var axisLabel: (Double) -> String
    var percentLabel: String

    func render() -> String {
        let values = series.flatMap(\.points) + markers.map(\.value)
        guard var low = values.min(), var high = values.max() else { return "" }
        if high - low < 1 { low -= 1; high += 1 }
        let left = 60.0, plotWidth = 780.0, plotHeight = 220.0, upper = 16.0
        var svg = SVG(width: left + plotWidth + 80, height: upper + plotHeight + 60, label: title)
        func x(_ value: Double) -> Double { left + (value - low) / (high - low) * plotWidth }
        func y(_ percent: Double) -> Double { upper + plotHeight - percent / 100 * plotHeight }
        for percent in stride(from: 0.0, through: 100.0, by: 20.0) {
            svg.line(x1: left, y1: y(percent), x2: left + plotWidth, y2: y(percent), stroke: percent == 80 ? "#999999" : "#e0e0e0",
                     dashed: percent == 80)
            svg.text("\(Int(percent)) %", x: left - 6, y: y(percent) + 4, anchor: "end", size: 10)
        }
        for step in 0...4 {
            let value = low + (high - low) * Double(step) / 4
            svg.text(axisLabel(value), x: x(value), y: upper + plotHeight + 14, anchor: "middle", size: 10)
        }
        for (index, entry) in series.enumerated() {
            let points = entry.points.enumerated().map { (x($0.element), y(Double($0.offset) * 100 / Double(max(entry.points.count - 1, 1)))) }
            svg.polyline(points, stroke: SVG.palette[index % SVG.palette.count])
            let lx = left + Double(index) * 220
            svg.rect(x: lx, y: upper + plotHeight + 30, width: 12, height: 10, fill: SVG.palette[index % SVG.palette.count])
            svg.text(entry.name, x: lx + 16, y: upper + plotHeight + 39, size: 10)
        }
        for marker in markers {
            svg.line(x1: x(marker.value), y1: upper, x2: x(marker.value), y2: upper + plotHeight, stroke: "#333333", dashed: true)
            svg.text(marker.label, x: x(marker.value) + 4, y: upper + 10, size: 10)
        }
        svg.text(percentLabel, x: left, y: upper + plotHeight + 54, size: 10, fill: "#555")
        return svg.rendered
    }
}

/// Drivers as a tornado: for each input, a bar for its rank correlation with the finish and one with the cost.
struct TornadoChart {
    var title: String
    var rows: [(label: String, finish: Double, cost: Double)]
    var finishLabel: String
    var costLabel: String
    var format: LocalFormat

    func render() -> String {
        guard !rows.isEmpty else { return "" }
        let labelWidth = 260.0, plotWidth = 560.0, rowHeight = 26.0, upper = 10.0
        var svg = SVG(width: labelWidth + plotWidth + 80, height: upper + Double(rows.count) * rowHeight + 40, label: title)
        let middle = labelWidth + plotWidth / 2
        func width(_ value: Double) -> Double { value / 1 * plotWidth / 2 }
        for (index, row) in rows.enumerated() {
            let y = upper + Double(index) * rowHeight
            svg.text(SVG.clip(row.label, 42), x: 4, y: y + 16, size: 11)
            for (offset, value, colour) in [(2.0, row.finish, SVG.palette[0]), (13.0, row.cost, SVG.palette[1])] {
                let w = width(abs(value))
                svg.rect(x: value < 0 ? middle - w : middle, y: y + offset, width: w, height: 10, fill: colour)
                svg.text(format.correlation(value), x: value < 0 ? middle - w - 4 : middle + w + 4, y: y + offset + 9,
                         anchor: value < 0 ? "end" : "start", size: 9)
            }
        }
        let bottom = upper + Double(rows.count) * rowHeight
        svg.line(x1: middle, y1: upper, x2: middle, y2: bottom, stroke: "#333333")
        svg.rect(x: labelWidth, y: bottom + 14, width: 12, height: 10, fill: SVG.palette[0])
        svg.text(finishLabel, x: labelWidth + 16, y: bottom + 23, size: 10)
        svg.rect(x: labelWidth + 260, y: bottom + 14, width: 12, height: 10, fill: SVG.palette[1])
        svg.text(costLabel, x: labelWidth + 276, y: bottom + 23, size: 10)
        return svg.rendered
    }
}

/// A heat map: rows × columns of values 0…1, red (low) to green (high), the value written in each cell.
struct HeatMapChart {
    var title: String
    var columns: [String]
    var rows: [(label: String, values: [Decimal?])]
    /// The value drawn fully red; fits between, say, 0.6 and 1 need their own scale to tell apart.
    var low: Double = 0
    var format: LocalFormat

    func render() -> String {
        guard !rows.isEmpty, !columns.isEmpty else { return "" }
        let labelWidth = 220.0, cellWidth = min(90.0, 700.0 / Double(columns.count)), cellHeight = 22.0, upper = 100.0
        var svg = SVG(width: labelWidth + cellWidth * Double(columns.count) + 20, height: upper + cellHeight * Double(rows.count) + 10,
                      label: title)
        for (c, column) in columns.enumerated() {
            let x = labelWidth + cellWidth * (Double(c) + 0.5)
            svg.body += "<g transform=\"translate(\(SVG.n(x)),\(SVG.n(upper - 6))) rotate(-35)\">"
            svg.text(SVG.clip(column, 22), x: 0, y: 0, size: 10)
            svg.body += "</g>"
        }
        for (r, row) in rows.enumerated() {
            let y = upper + cellHeight * Double(r)
            svg.text(SVG.clip(row.label, 36), x: 4, y: y + 15, size: 11)
            for (c, value) in row.values.enumerated() {
                let x = labelWidth + cellWidth * Double(c)
                guard let value else {
                    svg.rect(x: x, y: y, width: cellWidth - 2, height: cellHeight - 2, fill: "#f0f0f0")
                    continue
                }
                let share = NSDecimalNumber(decimal: value).doubleValue
                svg.rect(x: x, y: y, width: cellWidth - 2, height: cellHeight - 2, fill: SVG.scale((share - low) / (1 - low)),
                         title: "\(row.label) · \(columns[c]): \(format.fit(value))")
                svg.text(format.fit(value), x: x + cellWidth / 2 - 1, y: y + 15, anchor: "middle", size: 10)
            }
        }
        return svg.rendered
    }
}

/// Bars side by side: one group per category (a year), one bar per series (a scenario).
struct GroupedBarChart {
    var title: String
    var categories: [String]
    var series: [(name: String, values: [Decimal?])]
    var format: LocalFormat

    func render() -> String {
        guard !categories.isEmpty, !series.isEmpty else { return "" }
        let values = series.flatMap { $0.values.compactMap { $0 } }.map { NSDecimalNumber(decimal: max($0, 0)).doubleValue }
        let top = max(values.max() ?? 0, 1)
        let left = 90.0, plotWidth = 760.0, plotHeight = 240.0, upper = 20.0
        var svg = SVG(width: left + plotWidth + 20, height: upper + plotHeight + 58, label: title)
        let slot = plotWidth / Double(categories.count)
        let barWidth = min(slot * 0.8 / Double(series.count), 28)
        func y(_ value: Double) -> Double { upper + plotHeight - value / top * plotHeight }
        for step in 0...4 {
            let value = top * Double(step) / 4
            svg.line(x1: left, y1: y(value), x2: left + plotWidth, y2: y(value), stroke: "#dddddd")
            svg.text(format.millions(Decimal(value)), x: left - 6, y: y(value) + 4, anchor: "end", size: 10)
        }
        for (index, category) in categories.enumerated() {
            let groupStart = left + slot * Double(index) + (slot - barWidth * Double(series.count)) / 2
            for (s, entry) in series.enumerated() {
                guard let amount = entry.values[index] else { continue }
                let value = max(NSDecimalNumber(decimal: amount).doubleValue, 0)
                svg.rect(x: groupStart + barWidth * Double(s), y: y(value), width: barWidth - 1, height: y(0) - y(value),
                         fill: SVG.palette[s % SVG.palette.count], title: "\(category) · \(entry.name): \(format.money(amount))")
            }
            svg.text(category, x: left + slot * (Double(index) + 0.5), y: upper + plotHeight + 14, anchor: "middle", size: 10)
        }
        for (s, entry) in series.enumerated() {
            let lx = left + Double(s % 4) * 190, ly = upper + plotHeight + 30 + Double(s / 4) * 16
            svg.rect(x: lx, y: ly, width: 12, height: 10, fill: SVG.palette[s % SVG.palette.count])
            svg.text(SVG.clip(entry.name, 28), x: lx + 16, y: ly + 9, size: 10)
        }
        return svg.rendered
    }
}
