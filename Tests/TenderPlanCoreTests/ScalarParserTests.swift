import Foundation
import Testing
@testable import TenderPlanCore

@Suite struct ScalarParserTests {
    @Test(arguments: [
        ("4500000", "4500000"), ("4_500_000", "4500000"), ("4.5M", "4500000"), ("750k", "750000"), ("750K", "750000"),
        ("1.2bn", "1200000000"), ("0", "0"), ("1800", "1800"), ("0.5", "0.5"), ("12.345", "12.345"), ("1000000000000000", "1000000000000000"),
    ])
    func goodMoney(_ text: String, _ expected: String) throws {
        #expect(try ScalarParsers.money(text).get() == Decimal(string: expected)!)
    }

    @Test(arguments: ["", "abc", "4.5m", "1e6", "-5", "4__5", "_45", "4.5.6", "€100", "1,000", "4.5 M", "1000000000000001", "2bnM", "."])
    func badMoney(_ text: String) {
        guard case .failure(let error) = ScalarParsers.money(text) else { Issue.record("\(text) accepted"); return }
        #expect(error.code == .invalidMoney)
    }

    @Test(arguments: [
        ("2.25%", "0.0225"), ("0.0225", "0.0225"), ("60%", "0.6"), ("100%", "1"), ("-10%", "-0.1"), ("0", "0"), ("3 %", "0.03"),
    ])
    func goodPercentage(_ text: String, _ expected: String) throws {
        #expect(try ScalarParsers.percentage(text).get() == Decimal(string: expected)!)
    }

    @Test(arguments: ["", "%", "abc%", "2.25%%", "1e-2", "two"])
    func badPercentage(_ text: String) {
        guard case .failure(let error) = ScalarParsers.percentage(text) else { Issue.record("\(text) accepted"); return }
        #expect(error.code == .invalidPercentage)
    }

    @Test(arguments: [
        ("60d", 60, DurationUnit.workingDays), ("3w", 3, .workingWeeks), ("30cd", 30, .calendarDays), ("2cw", 2, .calendarWeeks),
        ("6mo", 6, .months), ("1y", 1, .years), ("0d", 0, .workingDays), ("100000d", 100_000, .workingDays),
    ])
    func goodDuration(_ text: String, _ amount: Int, _ unit: DurationUnit) throws {
        #expect(try ScalarParsers.duration(text).get() == PlanDuration(amount, unit))
    }

    @Test(arguments: ["", "d", "60", "6m", "1.5d", "-3d", "60 d", "60D", "3months", "100001d", "251y", "99999999999999999999d"])
    func badDuration(_ text: String) {
        guard case .failure(let error) = ScalarParsers.duration(text) else { Issue.record("\(text) accepted"); return }
        #expect(error.code == .invalidDuration)
    }

    @Test(arguments: [("2024-01-01", 19723), ("2024-02-29", 19782), ("1970-01-01", 0), ("2199-12-31", 84005)])
    func goodDate(_ text: String, _ number: Int) throws {
        #expect(try ScalarParsers.date(text).get() == Day(number: number))
        #expect(try ScalarParsers.date(text).get().iso == text)
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-1-01", "24-01-01", "2024/01/01", "1899-12-31", "2200-01-01", "2024-00-10", "today", "2024-01-01T00:00"])
    func badDate(_ text: String) {
        guard case .failure(let error) = ScalarParsers.date(text) else { Issue.record("\(text) accepted"); return }
        #expect(error.code == .invalidDate)
    }

    @Test(arguments: ["politie", "mk-noord-nederland", "t_1", "0abc", "a"])
    func goodIdentifier(_ text: String) {
        #expect((try? ScalarParsers.identifier(text).get()) == Identifier(text))
    }

    @Test(arguments: [("Politie", DiagnosticCode.invalidId), ("-a", .invalidId), ("a.b", .invalidId), ("", .invalidId), ("a b", .invalidId),
                      ("_a", .invalidId), ("contract", .reservedId), ("last_go_live", .reservedId), ("é", .invalidId)])
    func badIdentifier(_ text: String, _ code: DiagnosticCode) {
        guard case .failure(let error) = ScalarParsers.identifier(text) else { Issue.record("\(text) accepted"); return }
        #expect(error.code == code)
    }

    @Test func references() throws {
        let here = SourceLocation(path: "x", line: 1, column: 1)
        let plain = try ScalarParsers.reference("market-consultation", location: here).get()
        #expect(plain.target == "market-consultation" && plain.part == nil && plain.lag == nil)
        let phase = try ScalarParsers.reference("t-politie.contract + 4mo", location: here).get()
        #expect(phase.target == "t-politie" && phase.part == "contract" && phase.lag == PlanDuration(4, .months))
        let start = try ScalarParsers.reference("a.start+10d", location: here).get()
        #expect(start.isStartLink && start.lag == PlanDuration(10, .workingDays))
        let zero = try ScalarParsers.reference("a + 0d", location: here).get()
        #expect(zero.lag == nil)
        let last = try ScalarParsers.reference("last_go_live", location: here).get()
        #expect(last.target == "last_go_live")
        for bad in ["", "A", "a.b.c", "a + ", "a + 3", "a.", "a - 3d", "a + 1e3d"] {
            guard case .failure(let error) = ScalarParsers.reference(bad, location: here) else { Issue.record("\(bad) accepted"); continue }
            #expect(error.code == .invalidReference)
        }
    }

    @Test func events() throws {
        let here = SourceLocation(path: "x", line: 1, column: 1)
        #expect(try ScalarParsers.event("contract", location: here).get() == .contract)
        #expect(try ScalarParsers.event("go_live", location: here).get() == .goLive)
        #expect(try ScalarParsers.event("2025-03-01", location: here).get() == .date(Day(year: 2025, month: 3, day: 1)!))
        guard case .item(let reference) = try ScalarParsers.event("gl-1.cutover", location: here).get() else { Issue.record("not an item"); return }
        #expect(reference.part == "cutover")
        #expect(throws: ScalarError.self) { try ScalarParsers.event("gl-1 + 3d", location: here).get() }
        #expect(throws: ScalarError.self) { try ScalarParsers.event("2025-02-30", location: here).get() }
    }

    @Test func integers() {
        #expect((try? ScalarParsers.integer("8", in: 1...100).get()) == 8)
        #expect((try? ScalarParsers.integer("1_000", in: 0...10_000).get()) == 1000)
        #expect(throws: ScalarError.self) { try ScalarParsers.integer("0", in: 1...100).get() }
        #expect(throws: ScalarError.self) { try ScalarParsers.integer("2.5", in: 1...100).get() }
        #expect(throws: ScalarError.self) { try ScalarParsers.integer("99999999999999999999999", in: 1...100).get() }
    }

    @Test func dayArithmetic() {
        let jan31 = Day(year: 2024, month: 1, day: 31)!
        #expect(jan31.addingMonths(1).iso == "2024-02-29")
        #expect(Day(year: 2023, month: 1, day: 31)!.addingMonths(1).iso == "2023-02-28")
        #expect(jan31.addingMonths(-2).iso == "2023-11-30")
        #expect(jan31.addingMonths(12).iso == "2025-01-31")
        #expect(Day(year: 2024, month: 1, day: 1)!.weekday == 1)  // a Monday
        #expect(Day(year: 2024, month: 1, day: 7)!.weekday == 7)
        for number in stride(from: -800_000, to: 800_000, by: 997) {
            let day = Day(number: number)
            let (y, m, d) = day.civil
            #expect(Day(year: y, month: m, day: d) == day)
        }
    }
}
