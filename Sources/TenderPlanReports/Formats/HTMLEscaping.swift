/// Escapes text for HTML element content and attribute values.
public func htmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(character)
        }
    }
    return out
}

/// Escapes text for a Markdown table cell: pipes, backslashes, line breaks and HTML-significant characters.
public func markdownCell(_ text: String) -> String {
    var out = ""
    for character in text.unicodeScalars {
        switch character {
        case "|": out += "\\|"
        case "\\": out += "\\\\"
        case "\n", "\r": out += " "
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "`": out += "\\`"
        case "*", "_", "[", "]": out += "\\" + String(character)
        default: out.unicodeScalars.append(character)
        }
    }
    return out
}
