/// `1 file`, `2 files`: a count with its noun, for nouns that take a plain `s`.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// File sizes for humans: `812 bytes`, `14.1 KB`, `2.3 MB` (units of 1024, one decimal).
enum ByteCount {
    static func format(_ bytes: Int) -> String {
        if bytes < 1024 { return counted(bytes, "byte") }
        var size = 1024
        for unit in ["KB", "MB"] {
            let tenths = (bytes * 10 + size / 2) / size
            // Round first, then pick the unit, so 1,048,575 bytes reads 1.0 MB, not 1024.0 KB.
            if tenths < 10240 || unit == "MB" { return "\(tenths / 10).\(tenths % 10) \(unit)" }
            size *= 1024
        }
        return counted(bytes, "byte")
    }
}
