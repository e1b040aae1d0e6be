import CLibYAML
import Foundation

/// libyaml's events, parsed on a second thread while the caller builds the tree from them.
///
/// The parser thread turns each event into a compact record (its scalar already a `String`) and hands
/// batches of them over through a bounded queue. The caller reads batches in order with `next()`, hands
/// each back with `recycle(_:)`, and must call `close()` when it stops, also after an error: that stops
/// the parser thread and waits for it.
final class EventStream: @unchecked Sendable {
    /// How many events a batch holds, and how many batches may wait. The parser runs ahead through
    /// the parts of a file that are slow to build (coverage maps) and the builder catches up in the
    /// fast ones, so the queue is long enough to even that out: at most about 4 MB of events (32 bytes
    /// each) and their strings.
    static let batchSize = 4096
    static let queueLength = 32

    /// Guards `ready`, `spare`, `closed` and `parserDone`.
    private let condition = NSCondition()
    private var ready: [EventBatch] = []
    /// Emptied batches handed back by the reader, so their memory is used again.
    private var spare: [EventBatch] = []
    private var closed = false
    private var parserDone = false

    /// Starts parsing `bytes` on a new thread.
    init(bytes: [UInt8], limits: YAMLLimits) {
        let thread = Thread { [self] in
            var producer = EventProducer(bytes: bytes, limits: limits, stream: self)
            producer.run()
            condition.lock()
            parserDone = true
            condition.broadcast()
            condition.unlock()
        }
        // libyaml keeps its own stacks on the heap; the thread needs little stack of its own.
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The next batch in file order; nil once the last batch (the one with the stream end or a failure)
    /// has been taken.
    func next() -> EventBatch? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !parserDone { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let batch = ready.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Hands back a batch that has been read, to be filled again.
    func recycle(_ batch: consuming EventBatch) {
        var batch = batch
        batch.events.removeAll(keepingCapacity: true)
        batch.anchors.removeAll(keepingCapacity: true)
        condition.lock()
        spare.append(batch)
        condition.unlock()
    }

    /// An empty batch, reused when one was handed back.
    fileprivate func emptyBatch() -> EventBatch {
        condition.lock()
        defer { condition.unlock() }
        if let batch = spare.popLast() { return batch }
        var batch = EventBatch()
        batch.events.reserveCapacity(Self.batchSize)
        return batch
    }

    /// Stops the parser thread (if it still runs) and waits until it has let go of libyaml.
    func close() {
        condition.lock()
        closed = true
        ready.removeAll()
        condition.broadcast()
        while !parserDone { condition.wait() }
        condition.unlock()
    }

    /// Called by the parser thread: queues a batch, waiting while the queue is full.
    /// Returns false when the reader has closed the stream, so parsing should stop.
    fileprivate func push(_ batch: EventBatch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= Self.queueLength && !closed { condition.wait() }
        guard !closed else { return false }
        ready.append(batch)
        condition.broadcast()
        return true
    }
}

/// Events in file order. A batch ends with the stream end, a failure, or simply when it is full.
struct EventBatch: Sendable {
    var events: [ParsedEvent] = []
    /// The anchors of the events that have one, in order (kept apart: few events have one, and this keeps
    /// an event at 32 bytes).
    var anchors: [String] = []
    /// Why parsing stopped after these events, when it failed.
    var failure: EventFailure?
}

/// One libyaml event, as much of it as the tree needs.
struct ParsedEvent: Sendable {
    enum Kind: UInt8, Sendable {
        case documentStart, streamEnd, scalar, sequenceStart, mappingStart, collectionEnd, alias
    }

    var kind: Kind
    var style: ScalarStyle = .plain
    var tag: YAMLNode.Tag = .none
    /// Whether the scalar or collection has an anchor (the next one in the batch's `anchors`).
    var hasAnchor = false
    var mark: Mark
    /// The scalar's text, made on the parser thread, or the name an alias refers to.
    var text = ""
}

/// Why the parser thread stopped early.
enum EventFailure: Sendable {
    /// Found outside libyaml (the scalar size limit).
    case error(YAMLError)
    /// libyaml failed; the reader turns this into a message, since it needs the source lines.
    case parser(ParserProblem)
}

/// libyaml's account of a syntax or reader error.
struct ParserProblem: Sendable {
    var isReaderError: Bool
    var problem: String
    /// For reader errors: the byte offset and the offending value.
    var offset: Int
    var value: Int32
    var mark: Mark
    var context: String?
    var contextMark: Mark
}

/// The parser thread's work: run libyaml and queue its events.
private struct EventProducer {
    let bytes: [UInt8]
    let limits: YAMLLimits
    let stream: EventStream
    var batch: EventBatch

    init(bytes: [UInt8], limits: YAMLLimits, stream: EventStream) {
        self.bytes = bytes
        self.limits = limits
        self.stream = stream
        batch = stream.emptyBatch()
    }

    mutating func run() {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            finish(with: .error(YAMLError(.unreadable, code: "yaml-syntax", message: "libyaml could not start (out of memory)", mark: .start)))
            return
        }
        defer { yaml_parser_delete(&parser) }
        let count = bytes.count
        // libyaml reads the bytes in place; an empty input still needs a valid pointer.
        let input = count > 0 ? bytes : [0]
        input.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress!, count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            parse(&parser)
        }
    }

    /// Reads events until the stream ends, parsing fails, or the reader closes the stream.
    private mutating func parse(_ parser: inout yaml_parser_t) {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                finish(with: .parser(problem(parser)))
                return
            }
            let failure = append(event)
            let ended = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if let failure {
                finish(with: failure)
                return
            }
            if ended {
                finish(with: nil)
                return
            }
            if batch.events.count >= EventStream.batchSize {
                guard stream.push(batch) else { return }
                batch = stream.emptyBatch()
            }
        }
    }

    /// Copies one event into the batch, or returns why it is refused.
    private mutating func append(_ event: yaml_event_t) -> EventFailure? {
        let mark = Mark(event.start_mark)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let length = Int(scalar.length)
            if length > limits.maxScalarBytes {
                return .error(YAMLError(
                    .unreadable, code: "limit",
                    message: "a value of \(length) bytes is over the scalar size limit of \(describeByteCount(limits.maxScalarBytes))",
                    mark: mark))
            }
            let style: ScalarStyle
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
            batch.events.append(ParsedEvent(kind: .scalar, style: style, tag: tag(scalar.tag), hasAnchor: anchor(scalar.anchor),
                                            mark: mark, text: text))
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            batch.events.append(ParsedEvent(kind: .sequenceStart, tag: tag(start.tag), hasAnchor: anchor(start.anchor), mark: mark))
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            batch.events.append(ParsedEvent(kind: .mappingStart, tag: tag(start.tag), hasAnchor: anchor(start.anchor), mark: mark))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            batch.events.append(ParsedEvent(kind: .collectionEnd, mark: mark))
        case YAML_ALIAS_EVENT:
            batch.events.append(ParsedEvent(kind: .alias, mark: mark, text: event.data.alias.anchor.map { String(cString: $0) } ?? ""))
        case YAML_DOCUMENT_START_EVENT:
            batch.events.append(ParsedEvent(kind: .documentStart, mark: mark))
        case YAML_STREAM_END_EVENT:
            batch.events.append(ParsedEvent(kind: .streamEnd, mark: mark))
        default:
            break
        }
        return nil
    }

    /// Queues the last batch.
    private mutating func finish(with failure: EventFailure?) {
        batch.failure = failure
        _ = stream.push(batch)
    }

    /// Adds an event's anchor to the batch; whether it had one.
    private mutating func anchor(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> Bool {
        guard let pointer else { return false }
        batch.anchors.append(String(cString: pointer))
        return true
    }

    private func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> YAMLNode.Tag {
        guard let pointer else { return .none }
        return strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self), "tag:yaml.org,2002:str") == 0 ? .string : .other
    }

    private func problem(_ parser: yaml_parser_t) -> ParserProblem {
        ParserProblem(
            isReaderError: parser.error == YAML_READER_ERROR,
            problem: parser.problem.map { String(cString: $0) } ?? "unknown problem",
            offset: Int(parser.problem_offset),
            value: parser.problem_value,
            mark: Mark(parser.problem_mark),
            context: parser.context.map { String(cString: $0) },
            contextMark: Mark(parser.context_mark))
    }
}

private extension Mark {
    /// libyaml counts lines and columns from 0.
    init(_ mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
