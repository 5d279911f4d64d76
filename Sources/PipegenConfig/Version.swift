/// The version of pipegen (what `pipegen --version` prints and a config's `pipegen-version`
/// is checked against) and the commit it was built from. `scripts/release` builds from a copy
/// of the tree in which it replaces `dev` with the commit; this file itself never changes
/// for a release.
package enum PipegenVersion {
    /// The release this tree becomes: raised when a release is cut.
    package static let current = SemanticVersion(0, 2, 0)
    /// The commit of a release build; `dev` in a build from a working tree.
    package static let commit = "dev"

    /// `0.2.0 (commit 0867066a1b2c)`, or `0.2.0 (dev)`.
    package static var description: String {
        commit == "dev" ? "\(current) (dev)" : "\(current) (commit \(commit))"
    }
}
