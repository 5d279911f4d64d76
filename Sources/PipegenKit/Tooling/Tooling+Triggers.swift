import CloudFormation
import PipegenConfig

extension ToolingBuilder {
    /// EventBridge rules that start each pipeline: a push to its branch, and for
    /// container-deployment a new image. Each pipeline has its own events role that may start
    /// only that pipeline.
    func addTriggers(to t: inout Template) {
        for (kind, source) in sources where source.isCodeCommit {
            addEventsRole(kind, to: &t)
            var rule = Events.Rule(targets: [target(kind)])
            rule.name = .string(names.pushRule(kind))
            rule.description = "Start \(names.pipeline(kind)) on a push to \(source.repository.value)/\(source.branch.value)"
            rule.eventPattern = pushPattern(kind, branch: source.branch.value)
            t.add(ID.pushRule(kind), Resource(rule))
        }
        for declaration in declarations { declaration.addTriggers(self, to: &t) }
    }

    /// The EventBridge pattern of a push (a branch created or moved) to `branch` of the
    /// CodeCommit repository of pipeline `kind`.
    func pushPattern(_ kind: PipelineKind, branch: String) -> Value {
        [
            "source": ["aws.codecommit"],
            "detail-type": ["CodeCommit Repository State Change"],
            "resources": [repositoryArn(kind)],
            "detail": [
                "event": ["referenceCreated", "referenceUpdated"],
                "referenceType": ["branch"],
                "referenceName": [.string(branch)],
            ],
        ]
    }

    func pipelineArn(_ kind: PipelineKind) -> Value {
        .arn("codepipeline", region: Value.thisRegion, account: Value.thisAccount, "${\(ID.pipeline(kind))}")
    }

    func target(_ kind: PipelineKind) -> Events.Rule.Target {
        Events.Rule.Target(id: "\(kind.rawValue)-pipeline", arn: pipelineArn(kind), roleArn: .getAtt(ID.eventsRole(kind), "Arn"))
    }

    func addEventsRole(_ kind: PipelineKind, to t: inout Template) {
        var role = IAM.Role(trust: Policies.trust(service: names.principal(.events)))
        role.roleName = .string(names.eventsRole(kind))
        role.description = "Lets EventBridge start the \(names.pipeline(kind)) pipeline"
        role.policies = [
            IAM.Role.Policy(
                "start-pipeline",
                [IAM.Statement(sid: "StartPipeline", actions: ["codepipeline:StartPipelineExecution"], resources: [pipelineArn(kind)])])
        ]
        t.add(ID.eventsRole(kind), Resource(role))
    }

    func addOutputs(to t: inout Template) {
        t.addOutput("ArtifactKeyArn", Output(homeKeyArn, description: "ARN of the artifact key (primary key when multi-Region)"))
        let brought = names.bringsBucket(region: topology.homeRegion)
        let bucket: Value = brought ? .string(buckets[0]) : .ref(ID.bucket)
        t.addOutput("ArtifactBucketName", Output(bucket, description: "Artifact bucket in the home region"))
        let bucketArn: Value = brought ? .arn("s3", region: "", account: "", buckets[0]) : .getAtt(ID.bucket, "Arn")
        t.addOutput("ArtifactBucketArn", Output(bucketArn, description: "ARN of the artifact bucket in the home region"))
        if config.pipelines.usesRegistry {
            t.addOutput("ImageRepositoryUri", Output(.getAtt(ID.registry, "RepositoryUri"), description: "Where images are pushed"))
        }
        for (kind, source) in sources {
            if source.isCodeCommit, repositoryOwner(kind) == kind {
                t.addOutput(
                    ID.repository(kind) + "CloneUrl",
                    Output(.getAtt(ID.repository(kind), "CloneUrlHttp"), description: "Clone URL of the \(kind.rawValue) source"))
            }
            t.addOutput(ID.pipeline(kind) + "Name", Output(.ref(ID.pipeline(kind)), description: "The \(kind.rawValue) pipeline"))
        }
    }
}
