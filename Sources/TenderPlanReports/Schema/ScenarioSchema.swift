import TenderPlanCore

/// The JSON Schema (draft 2020-12) of the scenario format, generated from the loader's key tables,
/// so editors complete and check scenarios with exactly the keys the tool accepts.
public enum ScenarioSchema {
    static let idPattern = "^[a-z0-9][a-z0-9_-]*$"

    public static func render() -> String {
        var definitions: [String: JSONValue] = [:]
        for table in FormatTables.all where table.name != "root" {
            definitions[table.name] = object(table)
        }
        var root = objectMembers(FormatTables.root)
        root["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        root["$id"] = .string("https://tenderplan.example/schema/scenario-1.json")
        root["title"] = .string("TenderPlan scenario (format version 1)")
        root["$defs"] = .object(definitions)
        return JSONValue.object(root).rendered()
    }

    static func object(_ table: KeyTable) -> JSONValue { .object(objectMembers(table)) }

    static func objectMembers(_ table: KeyTable) -> [String: JSONValue] {
        var properties: [String: JSONValue] = [:]
        for spec in table.keys {
            var schema = type(spec.type)
            var description = spec.doc
            if let value = spec.defaultValue { description += " Default: \(value)." }
            if case .object(var members) = schema {
                members["description"] = .string(description)
                schema = .object(members)
            }
            properties[spec.name] = schema
        }
        return [
            "type": .string("object"),
            "description": .string(table.doc),
            "properties": .object(properties),
            "required": .array(table.keys.filter(\.required).map { .string($0.name) }),
            "additionalProperties": .bool(false),
        ]
    }

    static func type(_ type: ValueType) -> JSONValue {
        switch type {
        case .text: return .object(["type": .string("string")])
        case .currency: return .object(["type": .string("string"), "pattern": .string("^[A-Z]{3}$")])
        case .identifier: return .object(["type": .string("string"), "pattern": .string(idPattern)])
        case .date: return .object(["type": .string("string"), "pattern": .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), "format": .string("date")])
        case .money:
            return .object(["anyOf": .array([
                .object(["type": .string("number"), "minimum": .int(0)]),
                .object(["type": .string("string"), "pattern": .string("^[0-9][0-9_]*(\\.[0-9]+)?(k|K|M|bn)?$")]),
            ])])
        case .percentage:
            return .object(["anyOf": .array([
                .object(["type": .string("number")]),
                .object(["type": .string("string"), "pattern": .string("^[-+]?[0-9][0-9_]*(\\.[0-9]+)? ?%$")]),
            ])])
        case .duration: return .object(["type": .string("string"), "pattern": .string("^[0-9]+(d|w|cd|cw|mo|y)$")])
        case .integer(let min, let max):
            return .object(["type": .string("integer"), "minimum": .int(min), "maximum": .int(max)])
        case .number(let min, let max):
            var members: [String: JSONValue] = ["type": .string("number")]
            if let min { members["minimum"] = .int(min) }
            if let max { members["maximum"] = .int(max) }
            return .object(members)
        case .reference:
            return .object(["type": .string("string"),
                            "pattern": .string("^[a-z0-9][a-z0-9_-]*(\\.[a-z_]+)?( *\\+ *[0-9]+(d|w|cd|cw|mo|y))?$")])
        case .event: return .object(["type": .string("string")])
        case .choice(let values): return .object(["enum": .array(values.map(JSONValue.string))])
        case .list(let element): return .object(["type": .string("array"), "items": self.type(element)])
        case .map(let value):
            return .object(["type": .string("object"), "propertyNames": .object(["pattern": .string(idPattern)]),
                            "additionalProperties": self.type(value)])
        case .mapping(let name): return .object(["$ref": .string("#/$defs/\(name)")])
        case .either(let a, let b): return .object(["anyOf": .array([self.type(a), self.type(b)])])
        }
    }
}
