/// A release number, `MAJOR.MINOR.PATCH`, compared part by part.
package struct SemanticVersion: Comparable, Sendable, CustomStringConvertible {
    package var major: Int
    package var minor: Int
    package var patch: Int

    package init(_ major: Int, _ minor: Int, _ patch: Int) {
        (self.major, self.minor, self.patch) = (major, minor, patch)
    }

    /// `1`, `1.2` or `1.2.3` (missing parts are 0); nil for anything else.
    package init?(_ text: Substring) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let numbers = parts.map { Int($0)! } + [0, 0]
        self.init(numbers[0], numbers[1], numbers[2])
    }

    package static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
    }

    package var description: String { "\(major).\(minor).\(patch)" }
}

/// The versions of pipegen a config accepts (`pipegen-version: ">= 0.2.0, < 1.0"`): every
/// comparison must hold.
package struct VersionRequirement: Sendable, CustomStringConvertible {
    package enum Operator: String, CaseIterable, Sendable {
        // Two-character operators first, so `>=` is not read as `>` and `=1.0`.
        case atLeast = ">=", atMost = "<=", exactly = "==", above = ">", below = "<"
    }

    package var comparisons: [(Operator, SemanticVersion)]

    /// The requirement `text` states, or what is wrong with it.
    package static func parse(_ text: String) -> Result<VersionRequirement, ParseError> {
        var comparisons: [(Operator, SemanticVersion)] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
            let clause = Substring(String(trimmed))
            guard let op = Operator.allCases.first(where: { clause.hasPrefix($0.rawValue) }) else {
                return .failure(SemanticVersion(clause) != nil ? .noOperator(String(clause)) : .malformed(String(clause)))
            }
            let number = clause.dropFirst(op.rawValue.count).drop { $0 == " " }
            guard let version = SemanticVersion(number) else { return .failure(.malformed(String(clause))) }
            comparisons.append((op, version))
        }
        return .success(VersionRequirement(comparisons: comparisons))
    }

    package enum ParseError: Error, Equatable {
        /// A version without `>=` or another operator in front.
        case noOperator(String)
        case malformed(String)
    }

    package func isSatisfied(by version: SemanticVersion) -> Bool {
        comparisons.allSatisfy { op, bound in
            switch op {
            case .atLeast: version >= bound
            case .atMost: version <= bound
            case .exactly: version == bound
            case .above: version > bound
            case .below: version < bound
            }
        }
    }

    package var description: String {
        comparisons.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
    }
}
