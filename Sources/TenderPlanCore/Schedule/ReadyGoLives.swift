/// The go-lives ready to be leveled, the next by priority first: file order, or the earliest preparation start
/// (ties in file order). A binary heap: a large rollout has hundreds of go-lives ready at once, and the delay test
/// levels them again and again.
struct ReadyGoLives {
    struct Entry {
        var goLive: Int
        var earliest: Day
    }

    let byEarliest: Bool
    /// In heap order (the first is next); all ready go-lives, for whoever needs to look at them.
    private(set) var entries: [Entry] = []

    init(byEarliest: Bool) { self.byEarliest = byEarliest }

    var isEmpty: Bool { entries.isEmpty }

    private func before(_ a: Entry, _ b: Entry) -> Bool {
        byEarliest && a.earliest != b.earliest ? a.earliest < b.earliest : a.goLive < b.goLive
    }

    mutating func insert(_ entry: Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard before(entries[child], entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func removeFirst() -> Entry {
        let first = entries[0]
        let last = entries.removeLast()
        guard !entries.isEmpty else { return first }
        entries[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < entries.count && before(entries[left], entries[best]) { best = left }
            if right < entries.count && before(entries[right], entries[best]) { best = right }
            guard best != parent else { return first }
            entries.swapAt(parent, best)
            parent = best
        }
    }
}
