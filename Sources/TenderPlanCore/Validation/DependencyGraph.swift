/// The links between schedulable items (tasks, tenders, go-lives, legacy retirements), for finding cycles.
///
/// Every link into an item waits for its first part, and every part follows that first part,
/// so a cycle among items is exactly a cycle among their parts.
struct DependencyGraph {
    struct Link {
        var from: Identifier
        var to: Identifier
        var location: SourceLocation
    }

    var links: [Link] = []

    init(scenario: Scenario) {
        func add(_ references: [Reference], to item: Identifier) {
            for reference in references { links.append(Link(from: reference.target, to: item, location: reference.location)) }
        }
        for task in scenario.tasks { add(task.after, to: task.id) }
        for tender in scenario.tenders { add(tender.after, to: tender.id) }
        for goLive in scenario.goLives {
            add(goLive.after, to: goLive.id)
            if case .tender(let tender)? = goLive.source {
                links.append(Link(from: tender.value, to: goLive.id, location: tender.location))
            }
        }
        for system in scenario.legacy {
            if case .after(let references, _) = system.retire { add(references, to: system.id) }
        }
        // last_go_live follows every cutover.
        for goLive in scenario.goLives {
            links.append(Link(from: goLive.id, to: "last_go_live", location: goLive.location))
        }
    }

    /// Reports each cycle once, at its earliest link in the file, with every link as a note.
    func findCycles(into diagnostics: inout Diagnostics) {
        // Number the items once; the search then works on integers.
        var number: [Identifier: Int] = [:]
        var names: [Identifier] = []
        func id(_ name: Identifier) -> Int {
            if let existing = number[name] { return existing }
            number[name] = names.count
            names.append(name)
            return names.count - 1
        }
        let ends = links.map { (from: id($0.from), to: id($0.to)) }
        var successors = [[Int]](repeating: [], count: names.count)
        for (index, end) in ends.enumerated() { successors[end.from].append(index) }
        // Iterative depth-first search with colours (0 white, 1 grey, 2 black); a grey successor closes a cycle.
        var colour = [UInt8](repeating: 0, count: names.count)
        var reported = Set<[Identifier]>()
        for start in names.indices.sorted(by: { names[$0] < names[$1] }) where colour[start] == 0 {
            var stack: [(node: Int, next: Int, via: Int?)] = [(start, 0, nil)]
            colour[start] = 1
            while !stack.isEmpty {
                let top = stack.count - 1
                let node = stack[top].node
                if stack[top].next < successors[node].count {
                    let linkIndex = successors[node][stack[top].next]
                    stack[top].next += 1
                    let target = ends[linkIndex].to
                    switch colour[target] {
                    case 0:
                        colour[target] = 1
                        stack.append((target, 0, linkIndex))
                    case 1:
                        var cycleLinks = [linkIndex]
                        var position = stack.count - 1
                        while stack[position].node != target, let via = stack[position].via {
                            cycleLinks.append(via)
                            position -= 1
                        }
                        report(cycleLinks.reversed(), reported: &reported, into: &diagnostics)
                    default:
                        break
                    }
                } else {
                    colour[node] = 2
                    stack.removeLast()
                }
            }
        }
    }

    private func report(_ cycle: [Int], reported: inout Set<[Identifier]>, into diagnostics: inout Diagnostics) {
        // Rotate so the cycle starts at its earliest link in the file.
        guard let first = cycle.indices.min(by: { links[cycle[$0]].location < links[cycle[$1]].location }) else { return }
        let rotated = Array(cycle[first...] + cycle[..<first])
        // Print in "waits for" order from the item whose link comes first: a → b → a reads "a waits for b, which waits for a".
        let ordered = [rotated[0]] + rotated.dropFirst().reversed()
        let names = [links[ordered[0]].to] + ordered.map { links[$0].from }
        let key = names.dropLast().sorted()
        guard reported.insert(key).inserted else { return }
        let notes = ordered.map { Diagnostic.Note("'\(links[$0].to)' waits for '\(links[$0].from)' here", at: links[$0].location) }
        diagnostics.error(.cycle, "dependency cycle: \(names.map(\.raw).joined(separator: " → "))",
                          at: links[ordered[0]].location, notes: notes)
    }
}
