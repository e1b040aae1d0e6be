/// Maps byte offsets of a UTF-8 text to lines and columns, and returns source lines for carets.
public struct SourceText: Sendable {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The line and column (in Unicode scalars) of a byte offset; invalid bytes count as one column each.
    public func mark(ofByteOffset offset: Int) -> Mark {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte == 0x0D {
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A {
                    // CR LF: the LF ends the line.
                } else {
                    line += 1
                    column = 1
                }
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return Mark(line: line, column: column)
    }

    /// The text of a 1-based line without its line break, or nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = 0
        var index = 0
        while index < bytes.count && current < number {
            if bytes[index] == 0x0A { current += 1; start = index + 1 }
            index += 1
        }
        guard current == number, start <= bytes.count else { return nil }
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The byte offset where each line starts, for printing many lines of one file without rescanning it.
    public func lineStarts() -> [Int] {
        var starts = [0]
        for index in bytes.indices where bytes[index] == 0x0A { starts.append(index + 1) }
        return starts
    }

    /// The text of a 1-based line, using offsets from `lineStarts()`.
    public func line(_ number: Int, starts: [Int]) -> String? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        guard start <= end else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The first byte that is not valid UTF-8, or the first line break only YAML sees (U+0085, U+2028, U+2029:
    /// libyaml ends a line there, editors show none, so a key after one could hide inside what looks like a
    /// comment), or nil when there is neither.
    public func firstEncodingProblem() -> (offset: Int, lineBreak: UInt32?)? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            let minimum: UInt32
            if byte & 0xE0 == 0xC0 { length = 2; minimum = 0x80 }
            else if byte & 0xF0 == 0xE0 { length = 3; minimum = 0x800 }
            else if byte & 0xF8 == 0xF0 { length = 4; minimum = 0x10000 }
            else { return (index, nil) }
            guard index + length <= count else { return (index, nil) }
            var scalar = UInt32(byte) & (0xFF >> (length + 1))
            for next in 1..<length {
                let continuation = bytes[index + next]
                guard continuation & 0xC0 == 0x80 else { return (index, nil) }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return (index, nil) }
            if scalar == 0x85 || scalar == 0x2028 || scalar == 0x2029 { return (index, scalar) }
            index += length
        }
        return nil
    }
}
