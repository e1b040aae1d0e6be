/// The Dutch national holidays that are non-working days for planning (built-in calendar `nl`).
public enum DutchHolidays {
    /// Easter Sunday by the Gregorian computus (the anonymous "Meeus/Jones/Butcher" algorithm).
    public static func easter(_ year: Int) -> Day {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)!
    }

    /// The holidays of one year, with their Dutch names, in date order.
    public static func holidays(in year: Int) -> [(day: Day, name: String)] {
        let easter = easter(year)
        var koningsdag = Day(year: year, month: 4, day: 27)!
        if koningsdag.weekday == 7 { koningsdag = koningsdag.advanced(by: -1) }  // 26 April when the 27th is a Sunday
        var list: [(Day, String)] = [
            (Day(year: year, month: 1, day: 1)!, "Nieuwjaarsdag"),
            (easter, "Eerste Paasdag"),
            (easter.advanced(by: 1), "Tweede Paasdag"),
            (koningsdag, "Koningsdag"),
            (easter.advanced(by: 39), "Hemelvaartsdag"),
            (easter.advanced(by: 49), "Eerste Pinksterdag"),
            (easter.advanced(by: 50), "Tweede Pinksterdag"),
            (Day(year: year, month: 12, day: 25)!, "Eerste Kerstdag"),
            (Day(year: year, month: 12, day: 26)!, "Tweede Kerstdag"),
        ]
        // Bevrijdingsdag is a general day off in lustrum years only (2025, 2030, …).
        if year % 5 == 0 { list.append((Day(year: year, month: 5, day: 5)!, "Bevrijdingsdag")) }
        return list.sorted { $0.0 < $1.0 }
    }
}
