import PropertyBased
import Testing
@testable import TenderPlanCore

/// Leveling's per-day bookkeeping against the plain definitions it replaces: count the active go-lives on each
/// day, and look through every placed cutover.
@Suite struct ActiveGoLivesTests {
    static let start = Day(year: 2024, month: 1, day: 1)!
    static let calendar = WorkingDayCalendar(id: "c", base: .nl, from: start, through: start.advanced(by: 400))

    /// Blocks as (first day offset, length in days), a `max_parallel`, a min_gap and a range to ask about.
    static let cases = zip(
        zip(Gen.int(in: 0...150), Gen.int(in: 0...40)).array(of: 0...25),
        Gen.int(in: 1...4), Gen.int(in: 1...6), zip(Gen.int(in: 0...200), Gen.int(in: 0...70))
    )

    @Test func answersAsCountingEveryDayAndEveryCutoverWould() async {
        await propertyCheck(count: 400, input: Self.cases) { blocks, limit, minGap, query in
            var load = ActiveGoLives(from: Self.start, limit: limit)
            var placed: [(span: ClosedRange<Day>, cutover: Day)] = []
            for (offset, length) in blocks {
                let span = Self.start.advanced(by: offset)...Self.start.advanced(by: offset + length)
                load.add(span, cutover: span.upperBound)
                placed.append((span, span.upperBound))
            }
            func count(_ day: Day) -> Int { placed.filter { $0.span.contains(day) }.count }
            let range = Self.start.advanced(by: query.0)...Self.start.advanced(by: query.0 + query.1)
            for offset in 0...260 {
                let day = Self.start.advanced(by: offset)
                #expect(load.count(day) == count(day))
                #expect(load.hasCutover(on: day) == placed.contains { $0.cutover == day })
            }
            // firstFull: the first day in range with `limit` active, through the last such day in a row.
            var expected: ClosedRange<Day>?
            if let first = range.first(where: { count($0) >= limit }) {
                var end = first
                while end < range.upperBound && count(end.advanced(by: 1)) >= limit { end = end.advanced(by: 1) }
                expected = first...end
            }
            #expect(load.firstFull(range) == expected, "\(blocks) limit \(limit) range \(range)")
            // tooClose: the earliest-placed cutover with fewer than minGap working days strictly between.
            let cutover = range.upperBound
            let close = placed.first { other in
                let (a, b) = other.cutover < cutover ? (other.cutover, cutover) : (cutover, other.cutover)
                return Self.calendar.workingDays(from: a.advanced(by: 1), through: b.advanced(by: -1)) < minGap
            }
            #expect(load.tooClose(cutover, minGap: minGap, Self.calendar) == close?.cutover, "\(blocks) gap \(minGap) at \(cutover)")
        }
    }
}
