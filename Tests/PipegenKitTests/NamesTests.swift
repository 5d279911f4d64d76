import PipegenConfig
import Testing

@testable import PipegenKit

/// `Names.expand` is where the config's patterns become names: placeholders given are filled,
/// the others stay as written (the Lambda update build fills `{function}` at run time).
@Suite struct NamesTests {
    @Test(arguments: [
        ("{project}-{env}", "shop-dev"), ("{env}-{project}-app", "dev-shop-app"), ("params/{env}.json", "params/dev.json"),
        ("{project}-{function}", "shop-{function}"), ("fixed", "fixed"), ("{region}/{env}", "{region}/dev"),
    ])
    func expandsThePlaceholdersGiven(_ pattern: String, _ expected: String) throws {
        let names = Names(try InsightFixtures.config(InsightFixtures.small.replacing("project: demo", with: "project: shop")))
        #expect(names.expand(NamePattern(pattern), env: "dev") == expected)
    }

    @Test func functionPatternsFillEveryPlaceholder() throws {
        let names = Names(try InsightFixtures.config(InsightFixtures.small))
        #expect(names.expand("{project}-{env}-{function}", env: "dev", function: "*") == "demo-dev-*")
        #expect(names.expand("{region}-{account}", region: "eu-west-1", account: "222222222222") == "eu-west-1-222222222222")
    }
}
