import Testing
import YAMLKit

@Suite struct WriterSmokeTests {
    @Test func accountIdsAreQuoted() {
        #expect(YAMLWriter().write(["Account": "012345678901"]) == "Account: '012345678901'\n")
    }
}

/// `JSONWriter.compactLength` counts exactly what `JSONWriter.compact` writes.
@Suite struct CompactLengthTests {
    @Test func countsWhatCompactWrites() {
        var generator = DocumentGenerator(seed: 0x5EED_1E57)
        for _ in 0..<2_000 {
            let document = generator.document()
            #expect(JSONWriter.compactLength(document) == JSONWriter.compact(document).utf8.count)
        }
    }
}
