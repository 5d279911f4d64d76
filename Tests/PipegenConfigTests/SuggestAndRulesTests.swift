import PipegenConfig
import Testing

@Suite struct SuggestTests {
    @Test(arguments: [
        ("aproval", "approval"), ("acount", "account"), ("enviroments", "environments"), ("reigon", "region"),
        ("projet", "project"), ("pipeline", "pipelines"),
    ])
    func suggestsTheIntendedKey(_ typo: String, _ meant: String) {
        let keys = ["project", "tooling", "environments", "approval", "account", "region", "regions", "pipelines"]
        #expect(Suggest.closest(to: typo, in: keys) == meant)
    }

    @Test func noSuggestionForUnrelatedWords() {
        #expect(Suggest.closest(to: "banana", in: ["project", "tooling"]) == nil)
    }

    @Test func transpositionIsOneEdit() {
        #expect(Suggest.distance("ab", "ba") == 1)
        #expect(Suggest.distance("kitten", "sitting") == 3)
    }
}

@Suite struct RegionTests {
    @Test func partitions() {
        #expect(Region.partition(of: "eu-west-1") == .aws)
        #expect(Region.partition(of: "cn-north-1") == .awsCn)
        #expect(Region.partition(of: "us-gov-east-1") == .awsUsGov)
        #expect(Region.isKnown("ap-southeast-5"))
        #expect(!Region.isKnown("eu-west-9"))
    }
}
