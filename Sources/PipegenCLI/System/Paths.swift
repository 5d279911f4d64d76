/// Lexical path arithmetic on `/`-separated strings: no file-system access, so results are
/// deterministic and symlinks are not resolved (the user's spelling of a path is what counts).
enum Paths {
    /// `path` made absolute against `base` (itself absolute), with `.`, `..` and repeated
    /// slashes folded away.
    static func absolute(_ path: String, base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder holding `path` (absolute, normalised); `/` for `/` itself.
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The last component of `path` (absolute, normalised).
    static func name(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `child` inside `folder`.
    static func join(_ folder: String, _ child: String) -> String {
        folder.hasSuffix("/") ? folder + child : folder + "/" + child
    }

    /// The relative path that leads from folder `from` to `to`, both absolute and normalised:
    /// `relative(from: "/p/templates", to: "/p/pipegen.yaml") == "../pipegen.yaml"`.
    static func relative(from: String, to: String) -> String {
        let a = from.split(separator: "/")
        let b = to.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: a.count - common)
        let down = b[common...].map(String.init)
        let parts = up + down
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The folder part of a path as the user typed it, for display: `infra` for
    /// `infra/pipegen.yaml`, nil for a bare file name.
    static func typedParent(_ typed: String) -> String? {
        guard let slash = typed.lastIndex(of: "/") else { return nil }
        if slash == typed.startIndex { return "/" }
        return String(typed[..<slash])
    }

    /// A typed path with `.` and `name/..` folded away lexically (`infra/../cfn` → `cfn`),
    /// keeping a leading `/` and leading `..`; `.` when nothing is left.
    static func folded(_ typed: String) -> String {
        var parts: [Substring] = []
        for part in typed.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", typed.hasPrefix("/") {
                continue
            } else {
                parts.append(part)
            }
        }
        let body = parts.joined(separator: "/")
        if typed.hasPrefix("/") { return "/" + body }
        return body.isEmpty ? "." : body
    }

    /// A typed folder path without trailing slashes (`templates/` → `templates`), keeping `/`.
    static func trimmingTrailingSlashes(_ typed: String) -> String {
        var s = Substring(typed)
        while s.count > 1, s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }
}
