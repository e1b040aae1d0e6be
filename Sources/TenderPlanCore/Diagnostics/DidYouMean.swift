/// Suggests the closest known name for a misspelt one, or nil when nothing is close.
public func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
        if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.name) {
            best = (candidate, distance)
        }
    }
    guard let best else { return nil }
    let allowed = max(1, min(target.count, best.name.count) / 3)
    return best.distance <= allowed ? best.name : nil
}

/// The did-you-mean note for an unknown name, if there is a close one.
func didYouMean(_ word: String, in candidates: some Sequence<String>) -> [Diagnostic.Note] {
    guard let match = closestMatch(to: word, in: candidates), match != word else { return [] }
    return [didYouMeanNote(match)]
}

/// The note that suggests `match`.
func didYouMeanNote(_ match: String) -> Diagnostic.Note {
    Diagnostic.Note("did you mean '\(match)'?")
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = min(value, previousPrevious[j - 2] + 1)
            }
            current[j] = value
        }
        (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
}
