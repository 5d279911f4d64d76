import Testing
import YAMLKit

@Suite struct WriterSmokeTests {
    @Test func accountIdsAreQuoted() {
        #expect(YAMLWriter().write(["Account": "012345678901"]) == "Account: '012345678901'\n")
    }
}
