import Foundation
import YAMLSource

/// A mapping read against its key table: unknown, duplicate and missing keys are reported once, here.
struct Fields {
    /// Where the mapping starts (the node itself is not kept, so converted parts of the tree can be freed).
    let mark: Mark
    let table: KeyTable
    let path: String
    /// The known keys present, in file order; mappings are small, so a linear scan beats hashing.
    private(set) var entries: [(key: String, keyMark: Mark, value: YAMLNode?)] = []

    var location: SourceLocation { SourceLocation(path: path, mark: mark) }

    /// The same mapping without some keys (whose values are then no longer held).
    func removing(_ keys: Set<String>) -> Fields {
        var copy = self
        copy.entries.removeAll { keys.contains($0.key) }
        return copy
    }

    private func entry(_ key: String) -> (key: String, keyMark: Mark, value: YAMLNode?)? {
        assert(table.spec(key) != nil, "key '\(key)' is not in table \(table.name)")
        for entry in entries where entry.key == key { return entry }
        return nil
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    /// The key's value; nil when absent or empty.
    subscript(_ key: String) -> YAMLNode? { entry(key)?.value }

    func valueLocation(_ key: String) -> SourceLocation {
        let found = entry(key)
        return SourceLocation(path: path, mark: found?.value?.mark ?? found?.keyMark ?? mark)
    }

    func keyLocation(_ key: String) -> SourceLocation {
        SourceLocation(path: path, mark: entry(key)?.keyMark ?? mark)
    }

    /// Reads a mapping; reports a non-mapping, duplicate keys, unknown keys (with did-you-mean) and missing required keys.
    static func read(_ node: YAMLNode, _ table: KeyTable, path: String, what: String, into diagnostics: inout Diagnostics) -> Fields? {
        guard case .mapping = node.content else {
            diagnostics.error(.wrongType, "\(what) must be a mapping of keys and values, found \(node.kindDescription)",
                              at: SourceLocation(path: path, mark: node.mark))
            return nil
        }
        var fields = Fields(mark: node.mark, table: table, path: path)
        for (key, keyNode, value) in uniquePairs(node, path: path, into: &diagnostics) {
            guard table.spec(key) != nil else {
                var notes = didYouMean(key, in: table.names)
                if notes.isEmpty {
                    notes = [Diagnostic.Note("\(what) takes: \(table.names.joined(separator: ", "))")]
                }
                let extra = key == "<<" ? " (YAML merge keys are not supported; repeat the keys)" : ""
                diagnostics.error(.unknownKey, "unknown key '\(key)' in \(what)\(extra)",
                                  at: SourceLocation(path: path, mark: keyNode.mark), notes: notes)
                continue
            }
            fields.entries.append((key, keyNode.mark, value.isNull ? nil : value))
        }
        for spec in table.keys where spec.required && fields[spec.name] == nil {
            if let found = fields.entry(spec.name) {
                diagnostics.error(.missingKey, "'\(spec.name)' in \(what) has no value", at: SourceLocation(path: path, mark: found.keyMark))
            } else {
                diagnostics.error(.missingKey, "\(what) is missing the required key '\(spec.name)' (\(spec.doc.lowercasedFirst))",
                                  at: fields.location)
            }
        }
        return fields
    }
}

/// The pairs of a mapping as (key text, key node, value), reporting duplicate and non-text keys.
func uniquePairs(_ node: YAMLNode, path: String, into diagnostics: inout Diagnostics) -> [(String, YAMLNode, YAMLNode)] {
    guard case .mapping(let pairs) = node.content else { return [] }
    var result: [(String, YAMLNode, YAMLNode)] = []
    result.reserveCapacity(pairs.count)
    // Small mappings are checked by scanning; large ones (coverage maps) with a dictionary.
    var seen: [String: Int]? = pairs.count > 16 ? Dictionary(minimumCapacity: pairs.count) : nil
    for pair in pairs {
        guard let key = pair.key.scalar else {
            diagnostics.error(.wrongType, "a key must be a plain word, found \(pair.key.kindDescription)",
                              at: SourceLocation(path: path, mark: pair.key.mark))
            continue
        }
        let firstIndex: Int?
        if seen != nil {
            // One hash per key: insert, and on a clash put the first index back.
            firstIndex = seen!.updateValue(result.count, forKey: key)
            if let firstIndex { seen![key] = firstIndex }
        } else {
            firstIndex = result.firstIndex { $0.0 == key }
        }
        if let firstIndex {
            diagnostics.error(.duplicateKey, "duplicate key '\(key)'", at: SourceLocation(path: path, mark: pair.key.mark),
                              notes: [Diagnostic.Note("first written here", at: SourceLocation(path: path, mark: result[firstIndex].1.mark))])
            continue
        }
        result.append((key, pair.key, pair.value))
    }
    return result
}

extension String {
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
