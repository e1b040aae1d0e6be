import Foundation
import YAMLSource

/// A mapping read against its key table: unknown, duplicate and missing keys are reported once, here.
struct Fields {
    /// Where the mapping starts (the node itself is not kept, so converted parts of the tree can be freed).
    let mark: Mark
    let table: KeyTable
    let path: String
    /// A known key present: its text, where it is written and its value (nil when empty).
    /// A struct, not a tuple: the compiler copies tuples of these types through the slow generic runtime.
    struct Entry {
        let key: String
        let keyMark: Mark
        let value: YAMLNode?
    }

    /// The known keys present, in file order; mappings are small, so a linear scan beats hashing.
    private(set) var entries: [Entry] = []

    var location: SourceLocation { SourceLocation(path: path, mark: mark) }

    /// The same mapping without some keys (whose values are then no longer held).
    func removing(_ keys: Set<String>) -> Fields {
        var copy = self
        copy.entries.removeAll { keys.contains($0.key) }
        return copy
    }

    private func entry(_ key: String) -> Entry? {
        assert(table.spec(key) != nil, "key '\(key)' is not in table \(table.name)")
        guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
        return entries[index]
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    /// The key's value; nil when absent or empty.
    subscript(_ key: String) -> YAMLNode? { entry(key)?.value }

    func valueLocation(_ key: String) -> SourceLocation {
        let found = entry(key)
        return SourceLocation(path: path, mark: found?.value?.mark ?? found?.keyMark ?? mark)
    }

    /// The first of `keys` that is written with no value (`duration:` and nothing after it), if any.
    func emptyKey(among keys: [String]) -> String? {
        keys.first { key in entries.contains { $0.key == key && $0.value == nil } }
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
        let pairs = uniquePairs(node, path: path, into: &diagnostics)
        for pair in pairs {
            let (key, keyNode, value) = (pair.key, pair.keyNode, pair.value)
            guard table.spec(key) != nil else {
                let meant = closestMatch(to: key, in: table.names)
                let notes = meant.map { [didYouMeanNote($0)] } ?? [Diagnostic.Note("\(what) takes: \(table.names.joined(separator: ", "))")]
                let extra = key == "<<" ? " (YAML merge keys are not supported; repeat the keys)" : ""
                diagnostics.error(.unknownKey, "unknown key '\(key)' in \(what)\(extra)",
                                  at: SourceLocation(path: path, mark: keyNode.mark), notes: notes)
                // The value is read as the key it most likely meant, when that key is not written too: one
                // misspelt key is then this one error, not also a missing key and references to a dropped item.
                if let meant, !pairs.contains(where: { $0.key == meant }), fields.entry(meant) == nil {
                    fields.entries.append(Entry(key: meant, keyMark: keyNode.mark, value: value.isNull ? nil : value))
                }
                continue
            }
            fields.entries.append(Entry(key: key, keyMark: keyNode.mark, value: value.isNull ? nil : value))
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

/// A pair of a mapping with its key's text (a struct: tuples of these types are copied by the slow generic runtime).
struct UniquePair {
    let key: String
    let keyNode: YAMLNode
    let value: YAMLNode
}

/// The pairs of a mapping with their key texts, reporting duplicate and non-text keys.
func uniquePairs(_ node: YAMLNode, path: String, into diagnostics: inout Diagnostics) -> [UniquePair] {
    guard case .mapping(let pairs) = node.content else { return [] }
    var result: [UniquePair] = []
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
            firstIndex = result.firstIndex { $0.key == key }
        }
        if let firstIndex {
            diagnostics.error(.duplicateKey, "duplicate key '\(key)'", at: SourceLocation(path: path, mark: pair.key.mark),
                              notes: [Diagnostic.Note("first written here", at: SourceLocation(path: path, mark: result[firstIndex].keyNode.mark))])
            continue
        }
        result.append(UniquePair(key: key, keyNode: pair.key, value: pair.value))
    }
    return result
}

extension String {
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
