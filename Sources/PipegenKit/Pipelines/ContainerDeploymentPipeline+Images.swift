import CloudFormation
import PipegenConfig

/// Images in the environment accounts (`registry.pull-from: environment`, seed 002's model):
/// each environment account holds a repository in each of its regions, which ECR fills by
/// replication from the tooling account's; each environment's stage waits for its replica
/// and deploys the image from there, so its tasks pull from their own account and region.
extension ContainerDeploymentPipeline {
    /// The repository (and, in another account than the tooling account, the registry policy
    /// that lets the tooling registry replicate into it) of each replica this environment's
    /// template creates in `region`: the first environment of an account and region creates
    /// them for all.
    func addImageReplicas(_ environment: EnvironmentBuilder, region: String, to t: inout Template) {
        guard let images = ImageDistribution.inEnvironmentAccounts(environment.config) else { return }
        let names = environment.names
        for host in images.hostsCreated(by: environment.e, region: region) {
            t.add(ID.imageReplica, Resource.retained(replicaRepository(environment)).skipping(.mutableImageTags))
            if host.account != names.toolingAccount {
                t.add(
                    ID.imageReplicationPolicy,
                    Resource(ECR.RegistryPolicy(policyText: images.registryPolicy(repository: names.registryName, names: names))))
            }
        }
    }

    /// A replica of the tooling repository: same name (replication keeps it), encrypted with
    /// the account's AWS managed ECR key (the tooling account's artifact key is not this
    /// account's to use), the same scanning and lifecycle; the image-locate build of the
    /// tooling account may look its images up, and the account's own principals pull as their
    /// IAM policies allow (the ECS task execution role's `AmazonECSTaskExecutionRolePolicy`).
    /// [Encryption at rest](https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html)
    private func replicaRepository(_ environment: EnvironmentBuilder) -> ECR.Repository {
        let config = environment.config, names = environment.names
        var repo = ECR.Repository()
        repo.repositoryName = .string(names.registryName)
        repo.encryptionConfiguration = ECR.Repository.EncryptionConfiguration(.kms)
        repo.imageScanningConfiguration = ECR.Repository.ImageScanningConfiguration(scanOnPush: config.registry.scanOnPush)
        repo.lifecyclePolicy = ECR.Repository.LifecyclePolicy(.keepLast(config.registry.keepImages))
        // The principal is the tooling account, narrowed to the build's role: a role ARN as
        // principal must exist when the policy is saved, and this way either stack may go first.
        repo.repositoryPolicyText = IAM.PolicyDocument([
            IAM.Statement(
                sid: "ToolingImageLocateFindsImages", principal: .aws([names.accountRoot(names.toolingAccount)]),
                actions: ["ecr:DescribeImages"],
                conditions: [
                    IAM.Condition(
                        "ArnEquals", "aws:PrincipalArn", names.roleArn(names.buildRole(.imageLocate), account: names.toolingAccount))
                ])
        ])
        return repo
    }

    /// The locate actions and deployments of one group of regions of `env` deployed together:
    /// with replicas in the environment accounts, a locate action for each region first (it
    /// waits for the replica and writes the image details that point at it), then the
    /// deployments; the next group's run order follows.
    func imageSteps(
        _ planner: StagePlanner, _ env: Environment, _ group: [Environment], regions: [String], order: Int
    ) -> (locate: [ActionSpec], image: [String: String], next: Int) {
        guard let images = ImageDistribution.inEnvironmentAccounts(planner.config) else { return ([], [:], order) }
        var locate: [ActionSpec] = [], image: [String: String] = [:]
        for region in regions {
            guard let host = images.host(for: env, region: region) else { continue }
            let artifact = Artifact.image(for: env.name.value, in: region)
            locate.append(
                planner.action(
                    planner.named("LocateImage" + planner.suffix(env, region), env, group),
                    .build(
                        .imageLocate,
                        variables: [.init(name: "TARGET_REGION", value: region), .init(name: "TARGET_ACCOUNT", value: host.account)]),
                    order: order, inputs: [Artifact.image], outputs: [artifact]))
            image[region] = artifact
        }
        return (locate, image, locate.isEmpty ? order : order + 1)
    }

    /// Shell lines that read `imageDetail.json`: the image's URI, its repository and its
    /// tag or digest (both image-locate buildspecs start with them).
    static let imageReference = #"""
        uri="$(sed -n 's/.*"ImageURI" *: *"\([^"]*\)".*/\1/p' imageDetail.json)"
        image="${uri#*/}"
        # The ECR source names the image by digest (repo@sha256:...); a build's by tag (repo:tag).
        if [[ "$image" == *@* ]]; then
          repository="${image%@*}"; image_id="imageDigest=${image#*@}"
        else
          repository="${image%:*}"; image_id="imageTag=${image##*:}"
        fi
        """#

    /// Waits until the image of `imageDetail.json` has been replicated to the registry of
    /// `TARGET_ACCOUNT` in `TARGET_REGION`, then writes `imageDetail.json` pointing at that
    /// replica, so the environment's tasks pull from their own account and region.
    static let imageLocateAccount = Buildspec.script(
        #"""
        \#(imageReference)
        host="${uri%%/*}"
        for attempt in $(seq 1 60); do
          if aws ecr describe-images --registry-id "$TARGET_ACCOUNT" --region "$TARGET_REGION" --repository-name "$repository" --image-ids "$image_id" > /dev/null 2>&1; then
            printf '{"ImageURI":"%s"}\n' "$TARGET_ACCOUNT.dkr.ecr.$TARGET_REGION.${host#*.dkr.ecr.*.}/$image" > imageDetail.json
            cat imageDetail.json
            exit 0
          fi
          echo "waiting for $image in account $TARGET_ACCOUNT, $TARGET_REGION ($attempt/60)"
          sleep 15
        done
        echo "the image was not replicated to account $TARGET_ACCOUNT in $TARGET_REGION within 15 minutes" >&2
        exit 1

        """#, artifacts: ["imageDetail.json"])
}

extension Artifact {
    /// The image details pointing at `env`'s replica in `region`.
    static func image(for env: String, in region: String) -> String { "Image-\(env)-\(region)" }
}
