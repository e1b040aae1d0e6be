import Foundation
import YAMLSource

/// A mapping read against its key table: unknown, duplicate and missing keys are reported once, here.
struct Fields {
    let node: YAMLNode
    let table: KeyTable
    let path: String
    private(set) var values: [String: YAMLNode] = [:]
    private(set) var keyMarks: [String: Mark] = [:]

    var location: SourceLocation { SourceLocation(path: path, mark: node.mark) }

    func has(_ key: String) -> Bool {
        precondition(table.spec(key) != nil, "key '\(key)' is not in table \(table.name)")
        return values[key] != nil
    }

    subscript(_ key: String) -> YAMLNode? {
        precondition(table.spec(key) != nil, "key '\(key)' is not in table \(table.name)")
        return values[key]
    }

    func valueLocation(_ key: String) -> SourceLocation {
        SourceLocation(path: path, mark: values[key]?.mark ?? keyMarks[key] ?? node.mark)
    }

    func keyLocation(_ key: String) -> SourceLocation {
        SourceLocation(path: path, mark: keyMarks[key] ?? node.mark)
    }

    /// Reads a mapping; reports a non-mapping, duplicate keys, unknown keys (with did-you-mean) and missing required keys.
    static func read(_ node: YAMLNode, _ table: KeyTable, path: String, what: String, into diagnostics: inout Diagnostics) -> Fields? {
        guard case .mapping = node.content else {
            diagnostics.error(.wrongType, "\(what) must be a mapping of keys and values, found \(node.kindDescription)",
                              at: SourceLocation(path: path, mark: node.mark))
            return nil
        }
        var fields = Fields(node: node, table: table, path: path)
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
            fields.keyMarks[key] = keyNode.mark
            if !value.isNull { fields.values[key] = value }
        }
        for spec in table.keys where spec.required && fields.values[spec.name] == nil {
            if let mark = fields.keyMarks[spec.name] {
                diagnostics.error(.missingKey, "'\(spec.name)' in \(what) has no value", at: SourceLocation(path: path, mark: mark))
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
    var seen: [String: Mark] = [:]
    var result: [(String, YAMLNode, YAMLNode)] = []
    result.reserveCapacity(pairs.count)
    for pair in pairs {
        guard let key = pair.key.scalar else {
            diagnostics.error(.wrongType, "a key must be a plain word, found \(pair.key.kindDescription)",
                              at: SourceLocation(path: path, mark: pair.key.mark))
            continue
        }
        if let first = seen[key] {
            diagnostics.error(.duplicateKey, "duplicate key '\(key)'", at: SourceLocation(path: path, mark: pair.key.mark),
                              notes: [Diagnostic.Note("first written here", at: SourceLocation(path: path, mark: first))])
            continue
        }
        seen[key] = pair.key.mark
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
