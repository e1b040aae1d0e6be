import Testing
import YAMLSource

@Suite struct YAMLParserTests {
    func parse(_ text: String, limits: YAMLLimits = .standard) throws(YAMLError) -> YAMLNode {
        try YAMLParser.parse(Array(text.utf8), limits: limits)
    }

    func pairs(_ node: YAMLNode) -> [YAMLPair] {
        guard case .mapping(let pairs) = node.content else { return [] }
        return pairs
    }

    @Test func positionsAreOneBasedAndCountScalars() throws {
        let root = try parse("naam: Noord\nstad: \"Drachten\"\nlijst:\n  - één\n  - x: é\n")
        let p = pairs(root)
        #expect(root.mark == Mark(line: 1, column: 1))
        #expect(p.map { $0.key.scalar } == ["naam", "stad", "lijst"])
        #expect(p[0].value.mark == Mark(line: 1, column: 7))
        #expect(p[1].value.mark == Mark(line: 2, column: 7))
        guard case .sequence(let items) = p[2].value.content else { Issue.record("not a list"); return }
        #expect(items[0].mark == Mark(line: 4, column: 5))
        #expect(items[0].scalar == "één")
        let inner = pairs(items[1])
        #expect(inner[0].value.mark == Mark(line: 5, column: 8))
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let root = try parse("é€😀: [a, b]\n")
        guard case .sequence(let items) = pairs(root)[0].value.content else { Issue.record("not a list"); return }
        // "é€😀: [" is 6 scalars, so 'a' is at column 7 even though it is byte 12.
        #expect(items[0].mark == Mark(line: 1, column: 7))
    }

    @Test func scalarStylesAreKept() throws {
        let p = pairs(try parse("a: on\nb: 'on'\nc: \"on\"\nd: |\n  x\ne: >\n  y\nf: !!str 5\ng: ~\nh:\n"))
        #expect(p[0].value.content.style == .plain)
        #expect(p[1].value.content.style == .singleQuoted)
        #expect(p[2].value.content.style == .doubleQuoted)
        #expect(p[3].value.content.style == .literal)
        #expect(p[4].value.content.style == .folded)
        #expect(p[1].value.isExplicitString && !p[0].value.isExplicitString)
        #expect(p[5].value.isExplicitString)
        #expect(p[6].value.isNull && p[7].value.isNull && !p[1].value.isNull)
        #expect(p[0].key.scalar == "a" && p[0].value.scalar == "on")
    }

    @Test func aliasesExpandToTheAnchoredNode() throws {
        let p = pairs(try parse("base: &b {x: 1, y: [2, 3]}\ncopy: *b\n"))
        #expect(pairs(p[1].value).map { $0.key.scalar } == ["x", "y"])
        #expect(p[1].value.mark == Mark(line: 2, column: 7))
    }

    @Test func aliasBombIsRefusedQuickly() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...12 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: YAMLError.self) { try parse(text) }
        }
        do { _ = try parse(text) } catch {
            #expect(error.code == "limit" && error.kind == .unreadable)
            #expect(error.message.contains("alias"))
        }
        #expect(elapsed < .seconds(2))
    }

    @Test func aliasBudgetCountsEveryExpansion() throws {
        let small = YAMLLimits(maxAliasNodes: 10)
        _ = try parse("a: &a [1, 2, 3]\nb: [*a, *a]\n", limits: small)  // 8 nodes added
        #expect(throws: YAMLError.self) { try parse("a: &a [1, 2, 3]\nb: [*a, *a, *a]\n", limits: small) }
    }

    @Test func deepNestingIsRefusedWithoutRecursion() {
        let depth = 100_000
        let text = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        do {
            _ = try parse(text)
            Issue.record("accepted")
        } catch {
            #expect(error.code == "limit" && error.kind == .unreadable)
            #expect(error.mark == Mark(line: 1, column: 4 + 63))
        }
        #expect(throws: Never.self) { try parse("a: " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63)) }
    }

    @Test func sizeLimits() {
        #expect(throws: YAMLError.self) { try parse("a: 123456789\n", limits: YAMLLimits(maxInputBytes: 8)) }
        let big = "a: " + String(repeating: "x", count: 2000) + "\n"
        do {
            _ = try parse(big, limits: YAMLLimits(maxScalarBytes: 1024))
            Issue.record("accepted")
        } catch {
            #expect(error.code == "limit" && error.message.contains("scalar size limit of 1 KiB"))
            #expect(error.mark == Mark(line: 1, column: 4))
        }
    }

    @Test func encodingErrorsAreLocated() {
        var bytes = Array("a: 1\nb: x".utf8)
        bytes.append(0xC3)  // a lone lead byte
        bytes.append(contentsOf: Array("\n".utf8))
        do {
            _ = try YAMLParser.parse(bytes)
            Issue.record("accepted")
        } catch {
            #expect(error.code == "encoding" && error.kind == .unreadable)
            #expect(error.mark == Mark(line: 2, column: 5))
            #expect(error.message.contains("UTF-8"))
        }
        #expect(throws: YAMLError.self) { try YAMLParser.parse([0xFF, 0xFE, 0x61, 0x00]) }
        do {
            _ = try YAMLParser.parse(Array("a: b\u{07}c\n".utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.kind == .unreadable && error.message.contains("control character"))
            #expect(error.mark == Mark(line: 1, column: 5))
        }
    }

    @Test func structureErrors() {
        for (text, code) in [("", "empty-file"), ("# only a comment\n", "empty-file"), ("a: 1\n---\nb: 2\n", "multiple-documents")] {
            do {
                _ = try parse(text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.code == code && error.kind == .structure)
            }
        }
    }

    @Test func syntaxErrorsCarryTheirContext() {
        do {
            _ = try parse("a: [1, 2\nb: 3\n")
            Issue.record("accepted")
        } catch {
            #expect(error.code == "yaml-syntax" && error.kind == .unreadable)
            #expect(error.notes.first?.mark == Mark(line: 1, column: 4))
        }
    }

    @Test func sourceTextLines() {
        let source = SourceText(bytes: Array("one\r\ntwo\nthree".utf8))
        #expect(source.line(1) == "one" && source.line(2) == "two" && source.line(3) == "three" && source.line(4) == nil)
        #expect(source.mark(ofByteOffset: 5) == Mark(line: 2, column: 1))
    }
}

/// libyaml runs on a second thread and hands events over in batches through a bounded queue
/// (`EventStream`); these files are long enough to fill that queue.
@Suite struct ParserThreadTests {
    /// A list of `count` one-word entries: two events per line, far more than the queue holds.
    func longList(_ count: Int) -> String {
        "items:\n" + String(repeating: "  - word\n", count: count)
    }

    @Test func aLongFileArrivesWhole() throws {
        let root = try YAMLParser.parse(Array((longList(400_000) + "last: done\n").utf8))
        guard case .mapping(let pairs) = root.content, case .sequence(let items) = pairs[0].value.content else {
            Issue.record("not a mapping with a list"); return
        }
        #expect(items.count == 400_000)
        #expect(items[399_999].mark == Mark(line: 400_001, column: 5))
        #expect(pairs[1].value.scalar == "done" && pairs[1].value.mark == Mark(line: 400_002, column: 7))
    }

    @Test func aSyntaxErrorAfterManyBatchesIsLocated() {
        do {
            _ = try YAMLParser.parse(Array((longList(300_000) + "bad: [unclosed\n").utf8))
            Issue.record("no error")
        } catch {
            #expect(error.code == "yaml-syntax")
            #expect(error.mark.line == 300_003)
            #expect(error.notes.first?.mark == Mark(line: 300_002, column: 6))
        }
    }

    @Test func aScalarOverTheLimitAfterManyBatchesIsLocated() {
        let text = longList(300_000) + "big: " + String(repeating: "x", count: 2000) + "\n"
        do {
            _ = try YAMLParser.parse(Array(text.utf8), limits: YAMLLimits(maxScalarBytes: 1024))
            Issue.record("no error")
        } catch {
            #expect(error.code == "limit" && error.mark == Mark(line: 300_002, column: 6))
        }
    }

    @Test func anEarlyErrorStopsTheParserThread() {
        // The tree builder stops at the depth limit while the parser thread still has most of the file;
        // the parse must return (not wait on a full queue), and do so again and again.
        let text = "a: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n" + longList(300_000)
        for _ in 0..<20 {
            #expect(throws: YAMLError.self) { try YAMLParser.parse(Array(text.utf8)) }
        }
    }
}

extension YAMLNode.Content {
    var style: ScalarStyle? {
        if case .scalar(_, let style) = self { return style }
        return nil
    }
}

@Suite struct SourceTextTests {
    @Test func indexedLinesMatchScannedLines() {
        let source = SourceText(bytes: Array("one\r\ntwo\n\nfour é\nlast".utf8))
        let starts = source.lineStarts()
        for number in 0...7 {
            #expect(source.line(number, starts: starts) == source.line(number), "line \(number)")
        }
        #expect(source.line(4, starts: starts) == "four é")
    }
}
