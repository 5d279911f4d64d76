// Linux only, like the tool: Darwin would need its own module and `renamex_np(RENAME_SWAP)`.
import Glibc

/// A failed system call, kept as its errno so messages read like the C library's.
struct SystemError: Error, Equatable {
    var code: Int32

    init(_ code: Int32) { self.code = code }

    /// The errno of the call that just failed.
    static var last: SystemError { SystemError(errno) }

    /// `strerror` with a lowercase first letter, to fit `error: cannot read 'x': no such file...`.
    var message: String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return "error \(code)" }
        return first.lowercased() + text.dropFirst()
    }
}
