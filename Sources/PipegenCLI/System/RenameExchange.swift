// Linux only, like the tool: Darwin would need its own module and `renamex_np(RENAME_SWAP)`.
import Glibc

/// Linux `renameat2(RENAME_EXCHANGE)`: atomically swaps two paths, so a whole folder can be
/// replaced in one step with no moment at which either name is missing.
///
/// Swift's Glibc module is built without `_GNU_SOURCE`, so neither `renameat2` nor
/// `RENAME_EXCHANGE` is visible to Swift. glibc has exported the symbol since 2.28, so it is
/// looked up at run time with `dlsym`; `RENAME_EXCHANGE` is `(1 << 1)` in `<linux/fs.h>`, a
/// kernel ABI constant. Where the symbol, the system call (Linux < 3.15) or the file system's
/// support (EINVAL) is missing, `exchange` reports `false` and `AtomicWriter` falls back to
/// two renames.
enum RenameExchange {
    private typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameExchangeFlag: UInt32 = 1 << 1

    /// Swaps `a` and `b`; false when the swap did not happen (for any reason), in which
    /// case neither path was changed.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
            guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else {
                return false
            }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchangeFlag) == 0
        #else
            return false
        #endif
    }
}
