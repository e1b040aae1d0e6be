import Foundation
import TenderPlanCore

/// The milestone plan as an SVG Gantt chart: a row per tender, per site and per other item,
/// freezes shaded, critical items outlined in red, milestones as diamonds.
struct GanttChart {
    struct Bar {
        var start: Day
        /// Inclusive, as in the plan.
        var finish: Day
        var kind: PlanNetwork.Kind
        var critical: Bool
        var title: String
    }

    struct Row {
        var label: String
        var bars: [Bar]
        var isHeading = false
    }

    struct Band {
        var from: Day
        var to: Day
        var title: String
    }

    var rows: [Row]
    var freezes: [Band]
    var legend: [(kind: PlanNetwork.Kind, label: String)]
    var criticalLabel: String
    var freezeLabel: String
    var format: LocalFormat
    var title: String

    static func colour(_ kind: PlanNetwork.Kind) -> String {
        switch kind {
        case .tenderPhase: return "#4e79a7"
        case .preparation: return "#a0cbe8"
        case .cutover: return "#59a14f"
        case .hypercare: return "#8cd17d"
        case .task: return "#bab0ac"
        case .milestone: return "#333333"
        }
    }

    func render() -> String {
        let bars = rows.flatMap(\.bars)
        guard let first = bars.map(\.start).min(), let last = bars.map(\.finish).max() else { return "" }
        // Whole years (or quarters for short plans) around the plan, so the axis starts on a tick.
        let span = first.distance(to: last)
        let stepMonths = span > 4 * 365 ? 12 : span > 730 ? 6 : 3
        let (y0, m0, _) = first.civil
        let axisStart = Day(year: y0, month: ((m0 - 1) / stepMonths) * stepMonths + 1, day: 1)!
        var axisEnd = axisStart
        while axisEnd <= last { axisEnd = axisEnd.addingMonths(stepMonths) }

        let labelWidth = 250.0, plotWidth = 720.0, rowHeight = 20.0, top = 28.0
        let legendHeight = 30.0
        let height = top + Double(rows.count) * rowHeight + legendHeight + 10
        var svg = SVG(width: labelWidth + plotWidth + 20, height: height, label: title)
        let total = Double(axisStart.distance(to: axisEnd))
        func x(_ day: Day) -> Double { labelWidth + Double(axisStart.distance(to: day)) / total * plotWidth }
        let plotBottom = top + Double(rows.count) * rowHeight

        for band in freezes where band.to >= axisStart && band.from <= axisEnd {
            let from = max(band.from, axisStart), to = min(band.to, axisEnd)
            svg.rect(x: x(from), y: top, width: x(to.advanced(by: 1)) - x(from), height: plotBottom - top,
                     fill: "#e8e8e8", className: "freeze", title: band.title)
        }
        var tick = axisStart
        while tick <= axisEnd {
            svg.line(x1: x(tick), y1: top - 4, x2: x(tick), y2: plotBottom, stroke: "#cccccc")
            let (year, month, _) = tick.civil
            svg.text(stepMonths == 12 ? String(year) : format.monthLabel(year: year, month: month), x: x(tick), y: top - 8,
                     anchor: "middle", size: 10)
            tick = tick.addingMonths(stepMonths)
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            if index % 2 == 1 { svg.rect(x: 0, y: y, width: labelWidth - 4, height: rowHeight, fill: "#f6f6f6") }
            svg.text(SVG.clip(row.label, 40), x: 4, y: y + 14, size: 11, bold: row.isHeading)
            for bar in row.bars {
                let stroke = bar.critical ? "#c0392b" : nil
                if bar.kind == .milestone || bar.start > bar.finish {
                    svg.diamond(x: x(bar.start), y: y + rowHeight / 2, size: 6,
                                fill: bar.critical ? "#c0392b" : GanttChart.colour(.milestone), title: bar.title)
                } else {
                    svg.rect(x: x(bar.start), y: y + 4, width: max(x(bar.finish.advanced(by: 1)) - x(bar.start), 1.5),
                             height: rowHeight - 8, fill: GanttChart.colour(bar.kind), stroke: stroke, title: bar.title)
                }
            }
        }
        // Legend.
        var lx = 4.0
        let ly = plotBottom + 14
        for entry in legend {
            svg.rect(x: lx, y: ly, width: 12, height: 10, fill: GanttChart.colour(entry.kind))
            svg.text(entry.label, x: lx + 16, y: ly + 9, size: 10)
            lx += 22 + Double(entry.label.count) * 6
        }
        svg.rect(x: lx, y: ly, width: 12, height: 10, fill: "#ffffff", stroke: "#c0392b")
        svg.text(criticalLabel, x: lx + 16, y: ly + 9, size: 10)
        lx += 22 + Double(criticalLabel.count) * 6
        if !freezes.isEmpty {
            svg.rect(x: lx, y: ly, width: 12, height: 10, fill: "#e8e8e8")
            svg.text(freezeLabel, x: lx + 16, y: ly + 9, size: 10)
        }
        return svg.rendered
    }
}
