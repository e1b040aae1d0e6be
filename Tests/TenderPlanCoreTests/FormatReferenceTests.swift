import Foundation
import Testing
import TenderPlanCore

/// Docs/FORMAT.md must document every key the loader accepts, under its table's heading.
@Suite struct FormatReferenceTests {
    static let reference: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Docs/FORMAT.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The text of the section headed with the table's name, up to the next heading of any level.
    func section(of table: KeyTable) -> String? {
        let lines = Self.reference.components(separatedBy: "\n")
        let marker = table.name == "root" ? "(`root`)" : "`\(table.name)`"
        guard let start = lines.firstIndex(where: { $0.hasPrefix("#") && $0.contains(marker) }) else { return nil }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("#") } ?? lines.count
        return lines[start..<end].joined(separator: "\n")
    }

    @Test(arguments: FormatTables.all.map(\.name))
    func everyKeyIsDocumented(_ name: String) throws {
        let table = try #require(FormatTables.table(named: name))
        let text = try #require(section(of: table), "Docs/FORMAT.md has no section for `\(name)`")
        let documented = Set(text.components(separatedBy: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            // Rows such as `per: user` describe values, not keys.
            return line.dropFirst(3).split(separator: "`").first.map(String.init).flatMap { $0.contains(":") ? nil : $0 }
        })
        #expect(documented == Set(table.names), "documented \(documented.sorted()) vs table \(table.names.sorted())")
    }
}
