import CloudFormation
import PipegenConfig
import YAMLKit

/// The gitflow pull-request helper (seed 002, with the branch names taken from the config):
/// for each CodeCommit source with `pull-request-from`, an EventBridge rule on pushes to that
/// branch of that repository invokes one small function, which opens a pull request into the
/// source's `branch` unless one is already open. Merging it starts the pipeline as usual.
extension ToolingBuilder {
    /// The pipelines whose source has `pull-request-from`, in pipeline order.
    var gitflowSources: [(kind: PipelineKind, source: Source, from: String)] {
        sources.compactMap { kind, source in source.isCodeCommit ? source.pullRequestFrom.map { (kind, source, $0.value) } : nil }
    }

    /// Log groups (beyond the builds') whose events the artifact key encrypts.
    var extraLogGroupArns: [Value] {
        gitflowSources.isEmpty
            ? [] : [.arn("logs", region: Value.thisRegion, account: Value.thisAccount, "log-group:\(names.gitflowLogGroup)")]
    }

    func addGitflow(to t: inout Template) {
        let gitflow = gitflowSources
        guard !gitflow.isEmpty else { return }
        var group = Logs.LogGroup()
        group.logGroupName = .string(names.gitflowLogGroup)
        group.retentionInDays = config.logRetentionDays
        group.kmsKeyId = .getAtt(ID.key, "Arn")
        t.add(ID.gitflowLogs, Resource(group))

        var role = IAM.Role(trust: Policies.trust(service: "lambda.amazonaws.com"))
        role.roleName = .string(names.gitflowRole)
        role.description = "Role of the \(names.gitflowFunction) function: opens pull requests in the gitflow repositories"
        role.policies = [
            IAM.Role.Policy(
                "gitflow-pr",
                [
                    Policies.writeLogs(names.gitflowLogGroup, sid: "WriteLogs"),
                    IAM.Statement(
                        sid: "OpenPullRequests",
                        actions: ["codecommit:CreatePullRequest", "codecommit:GetPullRequest", "codecommit:ListPullRequests"],
                        resources: uniqued(gitflow.map { repositoryArn($0.kind) })),
                ])
        ]
        t.add(ID.gitflowRole, Resource(role))

        var function = Lambda.Function(
            runtime: .python313, handler: "index.handler", role: .getAtt(ID.gitflowRole, "Arn"),
            code: .inline(GitflowHandler.source))
        function.functionName = .string(names.gitflowFunction)
        function.description = "Opens a pull request when a development branch of project \(names.project) is pushed (pipegen)"
        function.timeout = 30
        function.memorySize = 128
        function.loggingConfig = Lambda.Function.LoggingConfig(logFormat: .text, logGroup: .ref(ID.gitflowLogs))
        t.add(
            ID.gitflowFunction,
            Resource(function).skipping(.gitflowReservedConcurrency, .gitflowDeadLetterQueue, .gitflowVPC))

        for (kind, source, from) in gitflow {
            let input = JSONWriter.compact([
                "repository": .string(source.repository.value), "sourceBranch": .string(from),
                "destinationBranch": .string(source.branch.value), "commit": "<commit>",
            ])
            var rule = Events.Rule(
                targets: [
                    Events.Rule.Target(
                        id: "open-pull-request", arn: .getAtt(ID.gitflowFunction, "Arn"),
                        inputTransformer: Events.Rule.InputTransformer(
                            inputPathsMap: [Field("commit", "$.detail.commitId")], inputTemplate: input))
                ])
            rule.name = .string(names.gitflowRule(kind))
            rule.description =
                "Open a pull request from \(from) into \(source.branch.value) on a push to \(source.repository.value)/\(from)"
            rule.eventPattern = [
                "source": ["aws.codecommit"],
                "detail-type": ["CodeCommit Repository State Change"],
                "resources": [repositoryArn(kind)],
                "detail": [
                    "event": ["referenceCreated", "referenceUpdated"],
                    "referenceType": ["branch"],
                    "referenceName": [.string(from)],
                ],
            ]
            t.add(ID.gitflowRule(kind), Resource(rule))
            t.add(
                ID.gitflowPermission(kind),
                Resource(
                    Lambda.Permission(
                        functionName: .getAtt(ID.gitflowFunction, "Arn"), principal: "events.amazonaws.com",
                        sourceArn: names.ruleArn(names.gitflowRule(kind)))))
        }
    }
}

extension ToolingBuilder.ID {
    static let gitflowLogs = "GitflowLogs"
    static let gitflowRole = "GitflowRole"
    static let gitflowFunction = "GitflowFunction"
    static func gitflowRule(_ p: PipelineKind) -> String { p.id + "GitflowRule" }
    static func gitflowPermission(_ p: PipelineKind) -> String { p.id + "GitflowPermission" }
}

/// The helper's handler: inline Python (no dependencies beyond the runtime's boto3), the
/// same bytes for every config, so the function only changes when pipegen changes it.
enum GitflowHandler {
    static let source = #"""
        """Opens a pull request from a development branch into the branch a pipeline builds.

        Generated by pipegen. An EventBridge rule invokes this function when the development
        branch of a CodeCommit repository is created or updated; the rule's input names the
        repository, both branches and the pushed commit. Merging the pull request starts the
        pipeline.
        """
        import boto3

        codecommit = boto3.client("codecommit")


        def open_pull_requests(repository, source, destination):
            """Ids of the open pull requests from source into destination."""
            found = []
            request = {"repositoryName": repository, "pullRequestStatus": "OPEN"}
            while True:
                page = codecommit.list_pull_requests(**request)
                for pull_request_id in page["pullRequestIds"]:
                    pull_request = codecommit.get_pull_request(pullRequestId=pull_request_id)["pullRequest"]
                    for target in pull_request["pullRequestTargets"]:
                        if (
                            target["repositoryName"] == repository
                            and target["sourceReference"] == "refs/heads/" + source
                            and target["destinationReference"] == "refs/heads/" + destination
                        ):
                            found.append(pull_request_id)
                if not page.get("nextToken"):
                    return found
                request["nextToken"] = page["nextToken"]


        def handler(event, context):
            repository = event["repository"]
            source = event["sourceBranch"]
            destination = event["destinationBranch"]
            commit = event["commit"]
            existing = open_pull_requests(repository, source, destination)
            if existing:
                print(f"pull request {existing[0]} from {source} into {destination} is already open")
                return {"pullRequestId": existing[0], "created": False}
            try:
                response = codecommit.create_pull_request(
                    title=f"Merge {source} into {destination}",
                    description=f"Opened by pipegen after {commit} was pushed to {source}. Merging it starts the pipeline.",
                    targets=[{"repositoryName": repository, "sourceReference": source, "destinationReference": destination}],
                    clientRequestToken=commit,
                )
            except codecommit.exceptions.SourceAndDestinationAreSameException:
                print(f"{source} and {destination} are at the same commit; nothing to merge")
                return {"pullRequestId": None, "created": False}
            pull_request_id = response["pullRequest"]["pullRequestId"]
            print(f"opened pull request {pull_request_id} from {source} into {destination}")
            return {"pullRequestId": pull_request_id, "created": True}

        """#
}
