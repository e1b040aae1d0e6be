import CLibYAML

/// Turns YAML text into one located node tree with libyaml's event API.
///
/// The tree is built with an explicit stack (no recursion), so the depth limit,
/// not the thread's stack, bounds how deep a file may nest.
public enum YAMLParser {
    /// Parses exactly one document whose root may be any node.
    /// With a `converter`, the mappings it chooses are converted as they are read (see `YAMLMappingConverter`).
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .standard,
                             converter: (any YAMLMappingConverter)? = nil) throws(YAMLError) -> YAMLNode {
        let source = SourceText(bytes: bytes)
        try checkBytes(source, limits: limits)
        var builder = TreeBuilder(source: source, limits: limits, converter: converter)
        return try builder.run()
    }

    private static func checkBytes(_ source: SourceText, limits: YAMLLimits) throws(YAMLError) {
        let bytes = source.bytes
        if bytes.count > limits.maxInputBytes {
            throw YAMLError(
                .unreadable, code: "limit",
                message: "the file is \(bytes.count) bytes, over the input size limit of \(describeByteCount(limits.maxInputBytes)) (raise it with --max-input-size)",
                mark: .start)
        }
        if bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)) {
            throw YAMLError(
                .unreadable, code: "encoding",
                message: "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8",
                mark: .start)
        }
        if let offset = source.firstInvalidUTF8Offset() {
            let byte = String(bytes[offset], radix: 16, uppercase: true)
            throw YAMLError(
                .unreadable, code: "encoding",
                message: "byte 0x\(byte.count == 1 ? "0" + byte : byte) is not valid UTF-8; save the file as UTF-8",
                mark: source.mark(ofByteOffset: offset))
        }
    }
}

private struct TreeBuilder {
    struct Frame {
        var isMapping: Bool
        var mark: Mark
        var tag: YAMLNode.Tag
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var size = 1
        /// The key whose value this collection is (nil for the root and list entries).
        var key: String?
        /// Entries go to the converter instead of `pairs`.
        var converting = false
    }

    let source: SourceText
    let limits: YAMLLimits
    var converter: (any YAMLMappingConverter)?
    /// Whether a frame is being converted (conversions do not nest).
    var converting = false
    var frames: [Frame] = []
    var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    var aliasNodes = 0
    var root: YAMLNode?

    init(source: SourceText, limits: YAMLLimits, converter: (any YAMLMappingConverter)?) {
        self.source = source
        self.limits = limits
        self.converter = converter
    }

    mutating func run() throws(YAMLError) -> YAMLNode {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(.unreadable, code: "yaml-syntax", message: "libyaml could not start (out of memory)", mark: .start)
        }
        defer { yaml_parser_delete(&parser) }
        let count = source.bytes.count
        return try source.bytes.withUnsafeBufferPointer { (buffer) throws(YAMLError) -> YAMLNode in
            // libyaml reads the string in place; an empty buffer still needs a valid pointer.
            let empty: [UInt8] = [0]
            return try empty.withUnsafeBufferPointer { (fallback) throws(YAMLError) -> YAMLNode in
                let base = count > 0 ? buffer.baseAddress! : fallback.baseAddress!
                yaml_parser_set_input_string(&parser, base, count)
                yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
                return try loop(&parser)
            }
        }
    }

    private mutating func loop(_ parser: inout yaml_parser_t) throws(YAMLError) -> YAMLNode {
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw syntaxError(parser)
            }
            defer { yaml_event_delete(&event) }
            let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT, YAML_NO_EVENT:
                continue
            case YAML_STREAM_END_EVENT:
                guard let root else {
                    throw YAMLError(
                        .structure, code: "empty-file",
                        message: "the file is empty: a scenario is one YAML document whose root is a mapping",
                        mark: .start)
                }
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw YAMLError(
                        .structure, code: "multiple-documents",
                        message: "a second YAML document starts here; a scenario is exactly one document (remove this '---' and what follows, or move it to its own file)",
                        mark: mark)
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let length = Int(scalar.length)
                if length > limits.maxScalarBytes {
                    throw YAMLError(
                        .unreadable, code: "limit",
                        message: "a value of \(length) bytes is over the scalar size limit of \(describeByteCount(limits.maxScalarBytes))",
                        mark: mark)
                }
                let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
                let style: ScalarStyle
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: style = .literal
                case YAML_FOLDED_SCALAR_STYLE: style = .folded
                default: style = .plain
                }
                let node = YAMLNode(.scalar(text, style), mark: mark, tag: tag(scalar.tag))
                try add(node, size: 1, anchor: string(scalar.anchor))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if frames.count >= limits.maxDepth {
                    throw YAMLError(
                        .unreadable, code: "limit",
                        message: "lists and mappings nest deeper than the limit of \(limits.maxDepth) levels",
                        mark: mark)
                }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let tag = isMapping ? tag(event.data.mapping_start.tag) : tag(event.data.sequence_start.tag)
                let anchor = isMapping ? string(event.data.mapping_start.anchor) : string(event.data.sequence_start.anchor)
                var frame = Frame(isMapping: isMapping, mark: mark, tag: tag, anchor: anchor)
                // Fields of the parent are read in place: copying a frame copies its lists.
                let last = frames.count - 1
                if last >= 0 && frames[last].isMapping, let key = frames[last].pendingKey?.scalar {
                    frame.key = key
                    if isMapping, anchor == nil, !converting, let converter, key == converter.key,
                       converter.converts(path: frames.map { $0.key }) {
                        frame.converting = true
                        converting = true
                    }
                }
                frames.append(frame)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = frames.removeLast()
                let content: YAMLNode.Content
                if frame.converting, let finished = converter?.finish(mark: frame.mark) {
                    converting = false
                    content = .converted(ConvertedMapping(finished))
                } else {
                    content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
                }
                try add(YAMLNode(content, mark: frame.mark, tag: frame.tag), size: frame.size, anchor: frame.anchor)
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor) ?? ""
                guard let target = anchors[name] else {
                    throw YAMLError(
                        .unreadable, code: "undefined-alias",
                        message: "alias '*\(name)' refers to no anchor '&\(name)' defined before it",
                        mark: mark)
                }
                aliasNodes += target.size
                if aliasNodes > limits.maxAliasNodes {
                    throw YAMLError(
                        .unreadable, code: "limit",
                        message: "aliases expand to more than \(limits.maxAliasNodes) nodes (an alias bomb?); the limit of alias expansion is reached here",
                        mark: mark)
                }
                var node = target.node
                node.mark = mark
                try add(node, size: target.size, anchor: nil)
            default:
                continue
            }
        }
    }

    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?) throws(YAMLError) {
        if let anchor {
            anchors[anchor] = (node, size)
        }
        guard !frames.isEmpty else {
            root = node
            return
        }
        let last = frames.count - 1
        frames[last].size += size
        if frames[last].isMapping {
            if let key = frames[last].pendingKey {
                frames[last].pendingKey = nil
                if frames[last].converting {
                    converter?.entry(key: key, value: node)
                } else {
                    frames[last].pairs.append(YAMLPair(key: key, value: node))
                }
            } else {
                frames[last].pendingKey = node
            }
        } else {
            frames[last].items.append(node)
        }
    }

    private func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> YAMLNode.Tag {
        guard let pointer else { return .none }
        return String(cString: pointer) == "tag:yaml.org,2002:str" ? .string : .other
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func syntaxError(_ parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        if parser.error == YAML_READER_ERROR {
            let offset = Int(parser.problem_offset)
            let value = parser.problem_value
            let message: String
            if problem.contains("control characters") {
                message = "control character U+\(hex(value)) is not allowed in YAML; remove it"
            } else if problem.contains("UTF-8") || problem.contains("utf-8") {
                message = "the bytes are not valid UTF-8 (\(problem)); save the file as UTF-8"
            } else {
                message = "the file cannot be read as YAML text: \(problem)"
            }
            return YAMLError(.unreadable, code: problem.contains("control characters") ? "yaml-syntax" : "encoding",
                             message: message, mark: source.mark(ofByteOffset: offset))
        }
        let mark = Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        var message = "YAML syntax error: \(problem)"
        if let line = source.line(mark.line) {
            let scalars = Array(line.unicodeScalars)
            let index = mark.column - 1
            if index >= 0 && index < scalars.count && scalars[index] == "\t" {
                message = "YAML syntax error: a tab character here; YAML indents with spaces only (\(problem))"
            }
        }
        if problem.contains("%YAML") || problem.contains("incompatible YAML document") {
            message = "YAML syntax error: \(problem); only YAML version 1.1 and 1.2 documents are read (remove the %YAML version directive)"
        }
        var notes: [YAMLError.Note] = []
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextMark = Mark(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
            notes.append(.init(message: "\(context): it started here", mark: contextMark))
        }
        return YAMLError(.unreadable, code: "yaml-syntax", message: message, mark: mark, notes: notes)
    }

    private func hex(_ value: Int32) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}

extension YAMLParser {
    /// Runs libyaml's bare event loop over the text and counts events, building nothing.
    /// The benchmarks compare the tree builder against this.
    public static func countEvents(_ bytes: [UInt8]) -> Int? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return 0 }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var event = yaml_event_t()
            var count = 0
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                count += 1
                if done { return count }
            }
        }
    }
}
