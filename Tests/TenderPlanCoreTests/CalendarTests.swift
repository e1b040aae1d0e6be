import Testing
@testable import TenderPlanCore

@Suite struct CalendarTests {
    // Easter Sunday 2024–2035, from published tables.
    static let easter = ["2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01",
                         "2030-04-21", "2031-04-13", "2032-03-28", "2033-04-17", "2034-04-09", "2035-03-25"]

    @Test func easterByTheGregorianComputus() {
        for (offset, expected) in Self.easter.enumerated() {
            #expect(DutchHolidays.easter(2024 + offset).iso == expected)
        }
        #expect(DutchHolidays.easter(2000).iso == "2000-04-23" && DutchHolidays.easter(2038).iso == "2038-04-25")
    }

    @Test func holidayTables() {
        #expect(DutchHolidays.holidays(in: 2024).map(\.day.iso) == [
            "2024-01-01", "2024-03-31", "2024-04-01", "2024-04-27", "2024-05-09", "2024-05-19", "2024-05-20", "2024-12-25", "2024-12-26"])
        // 2025: Koningsdag moves to the 26th (the 27th is a Sunday); a lustrum year, so Bevrijdingsdag is off.
        #expect(DutchHolidays.holidays(in: 2025).map(\.day.iso) == [
            "2025-01-01", "2025-04-20", "2025-04-21", "2025-04-26", "2025-05-05", "2025-05-29", "2025-06-08", "2025-06-09", "2025-12-25", "2025-12-26"])
        for year in 2024...2035 {
            let days = DutchHolidays.holidays(in: year).map(\.day)
            let easter = DutchHolidays.easter(year)
            #expect(days.contains(easter.advanced(by: 39)) && days.contains(easter.advanced(by: 50)), "Hemelvaart/Pinksteren \(year)")
            #expect(days.contains(Day(year: year, month: 5, day: 5)!) == (year % 5 == 0), "Bevrijdingsdag \(year)")
            let koningsdag = Day(year: year, month: 4, day: 27)!.weekday == 7 ? 26 : 27
            #expect(days.contains(Day(year: year, month: 4, day: koningsdag)!), "Koningsdag \(year)")
            #expect(days.count == (year % 5 == 0 ? 10 : 9))
        }
        #expect(DutchHolidays.holidays(in: 2031).map(\.day.iso).contains("2031-04-26"))
    }

    @Test func workingDayArithmetic() {
        let start = Day(year: 2024, month: 1, day: 1)!
        let nl = WorkingDayCalendar(id: "nl", base: .nl, holidays: [Day(year: 2024, month: 1, day: 3)!], from: start)
        let day = { (text: String) in Day(iso: text)! }
        #expect(!nl.isWorkingDay(day("2024-01-01")) && nl.isWorkingDay(day("2024-01-02")) && !nl.isWorkingDay(day("2024-01-03")))
        #expect(nl.nthWorkingDay(1, onOrAfter: day("2024-01-01")) == day("2024-01-02"))
        #expect(nl.nthWorkingDay(3, onOrAfter: day("2024-01-01")) == day("2024-01-05"))
        #expect(nl.nthWorkingDay(1, onOrBefore: day("2024-01-07")) == day("2024-01-05"))
        #expect(nl.nthWorkingDay(2, onOrBefore: day("2024-01-05")) == day("2024-01-04"))
        #expect(nl.workingDays(from: day("2024-01-01"), through: day("2024-01-31")) == 21)
        #expect(nl.workingDays(from: day("2024-02-01"), through: day("2024-01-31")) == 0)
        // 2024 has 262 weekdays minus 6 holidays on weekdays (and the extra 3 January).
        #expect(nl.workingDays(from: day("2024-01-01"), through: day("2024-12-31")) == 262 - 6 - 1)
        let plain = WorkingDayCalendar(id: "mon-fri", base: .monFri, from: start)
        #expect(plain.workingDays(from: day("2024-01-01"), through: day("2024-12-31")) == 262)
        // Far spans are lookups, not loops: 100,000 working days on.
        // Far spans are lookups, not loops: 50,000 working days on is in 2215; 100,000 would pass 2399.
        #expect(plain.nthWorkingDay(50_000, onOrAfter: start)?.year == 2215)
        #expect(plain.nthWorkingDay(100_000, onOrAfter: start) == nil)
    }
}
