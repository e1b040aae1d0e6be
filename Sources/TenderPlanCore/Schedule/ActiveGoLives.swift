/// The go-lives leveling has placed so far, by day: how many are active on each day (from the preparation's
/// start through the cutover), which days already have `max_parallel` active ones, and which go-live's cutover
/// falls on each day. Every question leveling asks of them is a few array reads, not a search through the
/// placed go-lives: the delay test asks them millions of times.
struct ActiveGoLives {
    let base: Day
    /// `max_parallel` (Int.max without one).
    let limit: Int
    private var counts: [Int32] = []
    /// One bit per day: `limit` go-lives are active on it.
    private var full: [UInt64] = []
    /// Per day: the placing order of the first-placed cutover on it, `Int32.max` for none.
    private var cutoverOrder: [Int32] = []
    private var placed: Int32 = 0

    init(from base: Day, limit: Int) {
        self.base = base
        self.limit = limit
    }

    func count(_ day: Day) -> Int {
        let offset = base.distance(to: day)
        return offset >= 0 && offset < counts.count ? Int(counts[offset]) : 0
    }

    /// Whether `limit` go-lives are active on `day` already.
    func isFull(_ day: Day) -> Bool {
        let offset = base.distance(to: day)
        return offset >= 0 && offset < counts.count && full[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }

    func hasCutover(on day: Day) -> Bool {
        let offset = base.distance(to: day)
        return offset >= 0 && offset < cutoverOrder.count && cutoverOrder[offset] != Int32.max
    }

    /// Adds a go-live active through `span`, with its cutover on `cutover` (the span's last day).
    mutating func add(_ span: ClosedRange<Day>, cutover: Day) {
        let low = max(base.distance(to: span.lowerBound), 0), high = base.distance(to: span.upperBound)
        let day = base.distance(to: cutover)
        let needed = max(high, day) + 1
        // Grown by doubling: blocks are mostly placed later and later, and growing to fit each one copied
        // the whole array every time.
        if counts.count < needed {
            let size = max(needed, 2 * counts.count)
            counts += Array(repeating: 0, count: size - counts.count)
            cutoverOrder += Array(repeating: Int32.max, count: size - cutoverOrder.count)
            full += Array(repeating: 0, count: (size + 63) / 64 - full.count)
        }
        if high >= low {
            // Moved out and back, so the loop runs on uniquely held buffers without bounds checks.
            let limit = Int32(clamping: self.limit)
            var counts = self.counts, full = self.full
            self.counts = []
            self.full = []
            counts.withUnsafeMutableBufferPointer { counts in
                full.withUnsafeMutableBufferPointer { full in
                    for offset in low...high {
                        counts[offset] += 1
                        if counts[offset] == limit { full[offset >> 6] |= 1 << UInt64(offset & 63) }
                    }
                }
            }
            self.counts = counts
            self.full = full
        }
        if day >= 0 && cutoverOrder[day] == Int32.max { cutoverOrder[day] = placed }
        placed += 1
    }

    /// The first stretch of days in `range` on which one more go-live would exceed `limit` active ones,
    /// through the last such day in a row (within `range`).
    func firstFull(_ range: ClosedRange<Day>) -> ClosedRange<Day>? {
        let low = max(base.distance(to: range.lowerBound), 0), high = min(base.distance(to: range.upperBound), counts.count - 1)
        guard low <= high, let first = nextBit(from: low, through: high, set: true) else { return nil }
        let end = (nextBit(from: first, through: high, set: false) ?? high + 1) - 1
        return base.advanced(by: first)...base.advanced(by: end)
    }

    /// The first day offset in `from...through` whose bit in `full` is `set` (or clear), a word at a time.
    private func nextBit(from: Int, through: Int, set: Bool) -> Int? {
        var word = from >> 6
        var bits = (set ? full[word] : ~full[word]) & (~0 << UInt64(from & 63))
        while true {
            if bits != 0 {
                let offset = word << 6 + bits.trailingZeroBitCount
                return offset <= through ? offset : nil
            }
            word += 1
            guard word << 6 <= through else { return nil }
            bits = set ? full[word] : ~full[word]
        }
    }

    /// The day of the earliest-placed cutover fewer than `minGap` working days of `calendar` away from
    /// `cutover`, if any. Working days between two days only grow with their distance, so the offenders lie in
    /// one window around `cutover`: from the `minGap`-th working day before it to the `minGap`-th after it.
    func tooClose(_ cutover: Day, minGap: Int, _ calendar: WorkingDayCalendar) -> Day? {
        let first = calendar.nthWorkingDay(minGap, onOrBefore: cutover.advanced(by: -1)).map { base.distance(to: $0) } ?? 0
        let last = calendar.nthWorkingDay(minGap, onOrAfter: cutover.advanced(by: 1)).map { base.distance(to: $0) } ?? Int.max
        let low = max(first, 0), high = min(last, cutoverOrder.count - 1)
        guard low <= high else { return nil }
        var found = Int32.max, day = 0
        for offset in low...high where cutoverOrder[offset] < found {
            found = cutoverOrder[offset]
            day = offset
        }
        return found == Int32.max ? nil : base.advanced(by: day)
    }
}
