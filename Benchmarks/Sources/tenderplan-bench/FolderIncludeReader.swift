import Foundation
import TenderPlanCore

/// Reads includes next to the scenario (for the bundled scenarios).
struct FolderIncludeReader: IncludeReader {
    func readInclude(_ name: String, from parentPath: String) -> IncludeReadResult {
        let path = (parentPath as NSString).deletingLastPathComponent + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else { return .notFound("no such file") }
        return .success(path: path, identity: path, bytes: [UInt8](data))
    }
}
