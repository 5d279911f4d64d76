import CloudFormation
import Testing
import YAMLKit

/// The YAML of a template holding only `model`, under logical id `id`.
func yaml(_ model: any ResourceModel, id: String = "Resource") -> String {
    var template = Template(description: "test")
    template.add(id, model)
    return YAMLWriter().write(template.document)
}

/// The YAML of one resource's `Properties` alone, for focused snapshots.
func propertiesYAML(_ model: any ResourceModel) -> String {
    YAMLWriter().write(Value.map(model.properties).document)
}

/// Compares text line by line and reports the first differing lines and the whole actual
/// text, so a changed snapshot is easy to review and to paste.
func expectText(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual != expected else { return }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for i in 0..<max(a.count, e.count) {
        let al = i < a.count ? String(a[i]) : "<none>"
        let el = i < e.count ? String(e[i]) : "<none>"
        if al != el { diff.append("line \(i + 1):\n  expected: \(el)\n  actual:   \(al)") }
        if diff.count == 5 { break }
    }
    Issue.record(
        "text differs\n\(diff.joined(separator: "\n"))\n--- actual ---\n\(actual)--- end ---",
        sourceLocation: sourceLocation)
}
