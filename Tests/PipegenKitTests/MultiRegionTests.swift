import CloudFormation
import PipegenConfig
import PipegenKit
import Testing

/// The cross-region wiring of the global example (seed 002): every region an action runs in
/// has an artifact store, a bucket and a key; every replica key has the primary's policy.
@Suite struct MultiRegionTests {
    let config: Config
    let stacks: [StackTemplate]

    init() throws {
        config = try exampleConfig("Examples/global-blue-green/pipegen.yaml")
        stacks = Pipegen.stacks(config)
    }

    func stack(_ name: String) -> StackTemplate { stacks.first { $0.name == name }! }

    @Test func everyFurtherRegionHasAReplicaBucketAndRegistry() {
        #expect(stacks.map(\.name) == ["tooling", "tooling-eu-central-1", "tooling-us-east-1", "test1", "test2", "test3"])
        for region in ["eu-central-1", "us-east-1"] {
            let t = stack("tooling-\(region)")
            #expect(t.region == region)
            #expect(t.template.resources(of: KMS.ReplicaKey.self).count == 1)
            #expect(t.template.resources(of: S3.Bucket.self).first?.model.bucketName == .string("globex-artifacts-100000000001-\(region)"))
            #expect(t.template.resources(of: ECR.Repository.self).first?.model.repositoryName == .string("globex"))
        }
    }

    @Test func theKeyIsMultiRegionAndEveryReplicaHasItsPolicy() throws {
        let primary = try #require(stack("tooling").template.resources(of: KMS.Key.self).first?.model)
        #expect(primary.multiRegion == true)
        #expect(primary.enableKeyRotation == true)
        for region in ["eu-central-1", "us-east-1"] {
            let replica = try #require(stack("tooling-\(region)").template.resources(of: KMS.ReplicaKey.self).first?.model)
            #expect(replica.keyPolicy == primary.keyPolicy)
            #expect(replica.primaryKeyArn == .ref("PrimaryKeyArn"))
        }
    }

    @Test func everyActionRegionHasAStoreEncryptedWithThatRegionsKey() throws {
        for (_, pipeline) in stack("tooling").template.resources(of: CodePipeline.Pipeline.self) {
            #expect(pipeline.artifactStore == nil, "multi-region pipelines use ArtifactStores")
            let stores = Dictionary(uniqueKeysWithValues: pipeline.artifactStores.map { ($0.region, $0.artifactStore) })
            for action in pipeline.stages.flatMap(\.actions) {
                let region = action.region ?? .string("ap-south-1")
                let store = try #require(stores[region], "no store for \(region)")
                guard case .string(let r) = region, r != "ap-south-1" else { continue }
                #expect(store.encryptionKey?.id == .sub("arn:${AWS::Partition}:kms:\(r):${AWS::AccountId}:key/${ArtifactKey.KeyId}"))
                #expect(store.location == .string("globex-artifacts-100000000001-\(r)"))
            }
        }
    }

    @Test func deploymentsUseTheImageOfTheirRegionsRegistry() throws {
        let pipeline = try #require(
            stack("tooling").template.resource("ContainerDeploymentPipeline")?.model(as: CodePipeline.Pipeline.self))
        #expect(pipeline.stages.map(\.name) == ["Source", "Replicate", "test1", "test2", "test3"])
        for (env, image) in [("test1", "Image"), ("test2", "Image-eu-central-1"), ("test3", "Image-us-east-1")] {
            let deploy = try #require(pipeline.stages.first { $0.name == env }?.actions.last)
            #expect(deploy.configuration.first { $0.name == "Image1ArtifactName" }?.value == .string(image))
            #expect(deploy.inputArtifacts.map(\.name).contains(image))
        }
    }

    @Test func theWholeSetIsConsistent() {
        #expect(Pipegen.consistency(config).map(\.message) == [])
    }
}
