import TenderPlanCore

/// YAML with position markers (1️⃣, 2️⃣, …) that say where diagnostics must point; the markers are removed.
struct MarkedText {
    static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    let text: String
    /// Marker → (line, column), 1-based, columns in Unicode scalars.
    let marks: [String: (line: Int, column: Int)]

    init(_ marked: String) {
        var text = ""
        var marks: [String: (Int, Int)] = [:]
        var line = 1, column = 1
        var rest = Substring(marked)
        outer: while let character = rest.first {
            for marker in MarkedText.markers where rest.hasPrefix(marker) {
                marks[marker] = (line, column)
                rest = rest.dropFirst(marker.count)
                continue outer
            }
            text.append(character)
            if character == "\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
            rest = rest.dropFirst()
        }
        self.text = text
        self.marks = marks
    }

    var bytes: [UInt8] { Array(text.utf8) }
}

/// An include reader over files held in memory (for include tests without a file system).
struct MemoryIncludeReader: IncludeReader {
    var files: [String: String]

    func readInclude(_ name: String, from parentPath: String) -> IncludeReadResult {
        guard let text = files[name] else { return .notFound("no such file") }
        return .success(path: name, identity: name, bytes: Array(text.utf8))
    }
}

/// Loads and validates YAML text as `test.yaml`.
func check(_ text: String, includes: [String: String] = [:]) -> LoadResult {
    ScenarioLoader(includeReader: MemoryIncludeReader(files: includes)).check(path: "test.yaml", bytes: Array(text.utf8), identity: "test.yaml")
}

/// A valid scenario header with two agencies, for tests to extend.
let header = """
tenderplan: 1
scenario: {id: t, start: 2024-01-01}
agencies:
  - id: politie
  - id: brandweer

"""
