import CLibYAML

/// Turns YAML text into one located node tree with libyaml's event API.
///
/// The tree is built with an explicit stack (no recursion), so the depth limit,
/// not the thread's stack, bounds how deep a file may nest.
public enum YAMLParser {
    /// Parses exactly one document whose root may be any node.
    /// With converters, the mappings and lists they choose are converted as they are read
    /// (see `YAMLMappingConverter` and `YAMLListConverter`).
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .standard,
                             converter: (any YAMLMappingConverter)? = nil,
                             listConverter: (any YAMLListConverter)? = nil) throws(YAMLError) -> YAMLNode {
        var builder = TreeBuilder(source: SourceText(bytes: bytes), limits: limits, converter: converter, listConverter: listConverter)
        return try builder.run()
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
        /// Entries go to the mapping converter instead of `pairs`, or to the list converter instead of `items`.
        var converting = false
    }

    let source: SourceText
    let limits: YAMLLimits
    var converter: (any YAMLMappingConverter)?
    var listConverter: (any YAMLListConverter)?
    /// Whether a mapping or a list is being converted (conversions of one kind do not nest).
    var converting = false
    var convertingList = false
    var frames: [Frame] = []
    var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    var aliasNodes = 0
    var root: YAMLNode?

    init(source: SourceText, limits: YAMLLimits, converter: (any YAMLMappingConverter)?, listConverter: (any YAMLListConverter)?) {
        self.source = source
        self.limits = limits
        self.converter = converter
        self.listConverter = listConverter
    }

    /// libyaml parses on a second thread (see `EventStream`) while this one builds the tree.
    mutating func run() throws(YAMLError) -> YAMLNode {
        if let error = checkSize() { throw error }
        let stream = EventStream(bytes: source.bytes, limits: limits)
        defer { stream.close() }
        // Bytes that are not UTF-8 are looked for while libyaml starts on the other thread, and reported
        // before anything the events show (libyaml itself stops safely at such bytes).
        if let error = checkEncoding() { throw error }
        var documents = 0
        while let batch = stream.next() {
            var anchors = batch.anchors.makeIterator()
            // By index: the events are borrowed from the batch, not copied.
            for index in batch.events.indices {
                let anchor = batch.events[index].hasAnchor ? anchors.next() : nil
                if let root = try handle(batch.events[index], anchor: anchor, documents: &documents) { return root }
            }
            switch batch.failure {
            case .error(let error)?: throw error
            case .parser(let problem)?: throw syntaxError(problem)
            case nil: stream.recycle(batch)
            }
        }
        throw YAMLError(.unreadable, code: "yaml-syntax", message: "libyaml stopped without ending the stream", mark: .start)
    }

    /// Adds one event to the tree; returns the root at the end of the stream.
    private mutating func handle(_ event: ParsedEvent, anchor: String?, documents: inout Int) throws(YAMLError) -> YAMLNode? {
        let mark = event.mark
        switch event.kind {
        case .streamEnd:
            guard let root else {
                throw YAMLError(
                    .structure, code: "empty-file",
                    message: "the file is empty: a scenario is one YAML document whose root is a mapping",
                    mark: .start)
            }
            return root
        case .documentStart:
            documents += 1
            if documents > 1 {
                throw YAMLError(
                    .structure, code: "multiple-documents",
                    message: "a second YAML document starts here; a scenario is exactly one document (remove this '---' and what follows, or move it to its own file)",
                    mark: mark)
            }
        case .scalar:
            let node = YAMLNode(.scalar(event.text, event.style), mark: mark, tag: event.tag)
            try add(node, size: 1, anchor: anchor)
        case .sequenceStart, .mappingStart:
            if frames.count >= limits.maxDepth {
                throw YAMLError(
                    .unreadable, code: "limit",
                    message: "lists and mappings nest deeper than the limit of \(limits.maxDepth) levels",
                    mark: mark)
            }
            let isMapping = event.kind == .mappingStart
            var frame = Frame(isMapping: isMapping, mark: mark, tag: event.tag, anchor: anchor)
            // Fields of the parent are read in place: copying a frame copies its lists.
            let last = frames.count - 1
            if last >= 0 && frames[last].isMapping, let key = frames[last].pendingKey?.scalar {
                frame.key = key
                if isMapping, anchor == nil, !converting, let converter, key == converter.key,
                   converter.converts(path: frames.map { $0.key }) {
                    frame.converting = true
                    converting = true
                } else if !isMapping, anchor == nil, !convertingList, listConverter?.begins(key: key, depth: frames.count) == true {
                    frame.converting = true
                    convertingList = true
                }
            }
            frames.append(frame)
        case .collectionEnd:
            let frame = frames.removeLast()
            let content: YAMLNode.Content
            if frame.converting && frame.isMapping, let finished = converter?.finish(mark: frame.mark) {
                converting = false
                content = .converted(ConvertedCollection(finished, isMapping: true))
            } else if frame.converting, let finished = listConverter?.finish(mark: frame.mark) {
                convertingList = false
                content = .converted(ConvertedCollection(finished, isMapping: false))
            } else {
                content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            }
            try add(YAMLNode(content, mark: frame.mark, tag: frame.tag), size: frame.size, anchor: frame.anchor)
        case .alias:
            let name = event.text
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
        }
        return nil
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
        } else if frames[last].converting {
            listConverter?.item(node)
        } else {
            frames[last].items.append(node)
        }
    }

    /// The input size limit.
    private func checkSize() -> YAMLError? {
        guard source.bytes.count > limits.maxInputBytes else { return nil }
        return YAMLError(
            .unreadable, code: "limit",
            message: "the file is \(source.bytes.count) bytes, over the input size limit of \(describeByteCount(limits.maxInputBytes)) (raise it with --max-input-size)",
            mark: .start)
    }

    /// A UTF-16 byte order mark, or bytes that are not UTF-8.
    private func checkEncoding() -> YAMLError? {
        let bytes = source.bytes
        if bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)) {
            return YAMLError(
                .unreadable, code: "encoding",
                message: "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8",
                mark: .start)
        }
        if let (offset, lineBreak) = source.firstEncodingProblem() {
            if let lineBreak {
                let name = [0x85: "NEXT LINE", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR"][lineBreak] ?? ""
                return YAMLError(
                    .unreadable, code: "encoding",
                    message: "U+\(hex(Int32(lineBreak))) \(name) is a line break to YAML but not to most editors, so what follows it "
                        + "may not be what you see (a key hidden in a comment); use a real line break, or write \\u\(hex(Int32(lineBreak))) inside double quotes",
                    mark: source.mark(ofByteOffset: offset))
            }
            let byte = String(bytes[offset], radix: 16, uppercase: true)
            return YAMLError(
                .unreadable, code: "encoding",
                message: "byte 0x\(byte.count == 1 ? "0" + byte : byte) is not valid UTF-8; save the file as UTF-8",
                mark: source.mark(ofByteOffset: offset))
        }
        return nil
    }

    private func syntaxError(_ parser: ParserProblem) -> YAMLError {
        let problem = parser.problem
        if parser.isReaderError {
            let offset = parser.offset
            let value = parser.value
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
        let mark = parser.mark
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
        if let context = parser.context {
            notes.append(.init(message: "\(context): it started here", mark: parser.contextMark))
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
