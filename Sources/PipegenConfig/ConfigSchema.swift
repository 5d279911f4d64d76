/// The pipegen config, key by key. Order here is the order of `pipegen init` and of the
/// README's reference.
public enum ConfigSchema {
    static let buildKeys: [KeySpec] = [
        KeySpec("build-image", .string(.text), default: "aws/codebuild/standard:7.0", "CodeBuild image for this pipeline's builds"),
        KeySpec(
            "compute-type",
            .choice([
                "BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE", "BUILD_GENERAL1_XLARGE",
                "BUILD_GENERAL1_2XLARGE",
            ]), default: "BUILD_GENERAL1_SMALL", "CodeBuild compute type"),
        // CodeBuild's API takes up to 2160, but CloudFormation's schema (and cfn-lint) up to 480.
        KeySpec("timeout-minutes", .integer(min: 5, max: 480), default: "30", "build timeout"),
    ]

    /// The source providers: CodeCommit, or a CodeConnections (CodeStar) connection.
    public static let providers = ["codecommit", "github", "github-enterprise", "bitbucket", "gitlab"]

    static func source(defaultRepository: String) -> KeySpec {
        KeySpec(
            "source",
            .object(
                ObjectSpec(
                    "source", "where the pipeline's source comes from",
                    keys: [
                        KeySpec(
                            "provider", .choice(providers), default: "codecommit",
                            "codecommit (a repository the tooling template creates) or a CodeConnections provider"),
                        KeySpec(
                            "repository", .string(.text), default: defaultRepository,
                            "CodeCommit repository name, or 'owner/name' for a connection provider"),
                        KeySpec("branch", .string(.branch), default: "main", "branch whose pushes start the pipeline"),
                        KeySpec(
                            "connection", .string(.arn),
                            example: "arn:aws:codeconnections:eu-west-1:111111111111:connection/00000000-0000-0000-0000-000000000000",
                            "existing CodeConnections connection ARN; without it the tooling template creates one (activate it once in the console)"),
                        KeySpec(
                            "file-paths", .list(.string(.text), minItems: 1), example: "[src/**, Dockerfile]",
                            "connection providers only: start the pipeline only when these paths (glob patterns) change"),
                        pullRequestFrom,
                    ])), "source repository and branch")
    }

    static let valueSource: ValueType = .either([
        .string(.text),
        .object(
            ObjectSpec(
                "import", "the name of a CloudFormation export in the environment's account and region",
                keys: [KeySpec("import", .string(.text), required: true, "export name passed to Fn::ImportValue")])),
    ])

    public static let ecs = ObjectSpec(
        "ecs target", "the ECS service that container-deployment replaces blue/green in this environment",
        keys: [
            KeySpec("cluster", valueSource, required: true, example: "shop-dev", "ECS cluster name"),
            KeySpec("service", valueSource, required: true, example: "shop", "ECS service name (deployment controller CODE_DEPLOY)"),
            KeySpec("listener", valueSource, required: true, example: "{import: shop-dev-ProdListenerArn}", "production listener ARN"),
            KeySpec("test-listener", valueSource, "test listener ARN (optional)"),
            KeySpec(
                "target-groups", .list(valueSource, minItems: 2), required: true,
                example: "[shop-dev-blue, shop-dev-green]", "the two target group names, blue then green"),
        ])

    public static let tests = ObjectSpec(
        "tests", "integration tests run after the environment is deployed",
        keys: [
            KeySpec("command", .string(.text), required: true, example: "./run-tests.sh", "shell command run by CodeBuild in the source checkout; a failure stops the pipeline"),
            KeySpec(
                "variables", .map(.string(.text)), example: "{API_URL: ApiUrl}",
                "environment variables for the tests, each the name of an output of the deployed stack (read from the deploy action's namespace)"),
        ])

    public static let approval = ObjectSpec(
        "approval", "a manual approval before the environment",
        keys: [
            KeySpec("notify", .list(.string(.email), minItems: 1), "e-mail addresses told when an approval waits"),
            KeySpec("comment", .string(.text), "text shown to the approver"),
        ])

    public static let environment = ObjectSpec(
        "environment", "one account on the route to live",
        keys: [
            KeySpec("name", .string(.name), required: true, example: "dev", "short name, used in stack, role and stage names"),
            KeySpec("account", .string(.accountId), required: true, example: "\"222222222222\"", "12-digit AWS account id"),
            KeySpec("region", .string(.region), default: "the tooling region", "the environment's region (or use 'regions')"),
            KeySpec("regions", .list(.string(.region), minItems: 1), "several regions; the first is the home region"),
            KeySpec("approval", .either([.boolean, .object(approval)]), default: "false", "require a manual approval before deploying here"),
            KeySpec("ecs", .object(ecs), "the ECS service container-deployment updates (required when that pipeline is on)"),
            KeySpec(
                "parallel-regions", .boolean, default: "false",
                "deploy all regions of the environment at once instead of one after the other"),
            KeySpec(
                "deploy", .choice(["direct", "change-set"]), default: "direct",
                "direct, or change-set: create change sets in every region, approve once, then execute them"),
            KeySpec("tests", .object(tests), "integration tests run after the infrastructure deployment"),
            KeySpec("rollback", .boolean, default: "false", "roll the environment's stage back automatically when it fails"),
            KeySpec(
                "wave", .string(.name), example: "regional",
                "environments next to each other with the same wave deploy in parallel in one stage (they must agree on approval, deploy and rollback)"),
        ])

    static let statement = ObjectSpec(
        "statement", "an IAM policy statement",
        keys: [
            KeySpec("effect", .choice(["Allow", "Deny"]), default: "Allow", "Allow or Deny"),
            KeySpec("actions", .list(.string(.text), minItems: 1), required: true, "IAM actions"),
            KeySpec("resources", .list(.string(.text), minItems: 1), required: true, "resource ARNs"),
        ])

    public static let containerBuild = ObjectSpec(
        "container-build pipeline", "source → docker build → push to ECR (tags 'latest' and the commit)",
        keys: [
            source(defaultRepository: "ECS-Container-Build"),
            KeySpec("dockerfile", .string(.path), default: "Dockerfile", "Dockerfile path in the repository"),
            KeySpec("context", .string(.path), default: ".", "docker build context"),
            KeySpec("buildspec", .string(.path), "use this buildspec file from the repository instead of the generated one"),
        ] + buildKeys)

    public static let lambda = ObjectSpec(
        "lambda settings", "zip each sub-folder and update the functions after each deploy",
        keys: [
            KeySpec("folder", .string(.path), default: "lambda", "each sub-folder is one function's code"),
            KeySpec(
                "function-name", .string(.text), default: "{project}-{function}",
                "deployed function name; {project}, {env} and {function} (the sub-folder) are replaced"),
        ])

    public static let infrastructure = ObjectSpec(
        "infrastructure-deployment pipeline",
        "source → package Lambdas → lint → per environment: [approval] → CloudFormation deploy → update Lambdas",
        keys: [
            source(defaultRepository: "Infrastructure-Deployment"),
            KeySpec("template", .string(.path), default: "template.yaml", "CloudFormation template path in the repository"),
            KeySpec("stack-name", .string(.text), default: "{project}-{env}", "application stack name; {project} and {env} are replaced"),
            KeySpec("parameters", .string(.path), default: "params/{env}.json", "template configuration file per environment; {env} is replaced"),
            KeySpec(
                "capabilities",
                .list(.choice(["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"]), minItems: 0),
                default: "[CAPABILITY_IAM, CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND]", "capabilities the deploy acknowledges"),
            KeySpec("lambda", .either([.boolean, .object(lambda)]), default: "true", "Lambda packaging and code update; false to turn off"),
            KeySpec("lint", .list(.choice(["cfn-lint", "cfn-nag"]), minItems: 0), default: "[cfn-lint, cfn-nag]", "linters run over the template; [] for none"),
            KeySpec(
                "execution-role",
                .object(
                    ObjectSpec(
                        "execution role", "what CloudFormation may do in each environment",
                        keys: [
                            KeySpec(
                                "managed-policies", .list(.string(.arn), minItems: 0),
                                default: "[arn:<partition>:iam::aws:policy/PowerUserAccess]",
                                "managed policies attached to the execution role"),
                            KeySpec("statements", .list(.object(statement), minItems: 0), default: "[]", "inline statements added to it"),
                        ])), "CloudFormation execution role permissions"),
        ] + buildKeys)

    public static let containerDeployment = ObjectSpec(
        "container-deployment pipeline",
        "deployment files + new ECR image → per environment: [approval] → CodeDeploy ECS blue/green",
        keys: [
            source(defaultRepository: "ECS-Container-Deployment"),
            KeySpec("appspec", .string(.path), default: "appspec.yaml", "AppSpec file in the repository; {env} is replaced"),
            KeySpec("task-definition", .string(.path), default: "taskdef-{env}.json", "task definition template; {env} is replaced"),
            KeySpec("image-tag", .string(.text), default: "latest", "ECR tag whose push starts the pipeline"),
            KeySpec("termination-wait-minutes", .integer(min: 0, max: 2880), default: "5", "minutes the old tasks keep running after traffic moved"),
            KeySpec(
                "task-roles", .list(.string(.text), minItems: 1), default: "[\"{project}-*\"]",
                "names (or name patterns) of roles the task definitions use, passed with iam:PassRole"),
        ])

    public static let pipelines = ObjectSpec(
        "pipelines", "the pipelines to generate; leave one out to not have it",
        keys: [
            KeySpec("container-build", .object(containerBuild), "build and push the container image"),
            KeySpec("infrastructure-deployment", .object(infrastructure), "deploy the CloudFormation stack along the route to live"),
            KeySpec("container-deployment", .object(containerDeployment), "blue/green deploy the image along the route to live"),
        ])

    public static let root = ObjectSpec(
        "config", "a pipegen config",
        keys: [
            KeySpec("project", .string(.name), required: true, example: "shop", "short lowercase name; prefixes every resource name"),
            KeySpec(
                "tooling",
                .object(
                    ObjectSpec(
                        "tooling", "the build account",
                        keys: [
                            KeySpec("account", .string(.accountId), required: true, example: "\"111111111111\"", "12-digit AWS account id"),
                            KeySpec("region", .string(.region), required: true, example: "eu-west-1", "home region of pipelines and builds"),
                        ])), required: true, "the build (tooling) account"),
            KeySpec("environments", .list(.object(environment), minItems: 1), required: true, "the route to live, in order"),
            KeySpec(
                "registry",
                .object(
                    ObjectSpec(
                        "registry", "the ECR repository (created when a container pipeline is on)",
                        keys: [
                            KeySpec("repository", .string(.text), default: "{project}", "ECR repository name"),
                            KeySpec("keep-images", .integer(min: 1, max: 10000), default: "30", "images kept by the lifecycle policy"),
                            KeySpec("scan-on-push", .boolean, default: "true", "scan each pushed image for vulnerabilities"),
                        ])), "container image repository"),
            KeySpec(
                "artifacts",
                .object(
                    ObjectSpec(
                        "artifacts", "the artifact bucket",
                        keys: [
                            KeySpec("noncurrent-days", .integer(min: 1, max: 3650), default: "30", "days old artifact versions are kept"),
                        ])), "artifact bucket retention"),
            KeySpec("log-retention-days", .integerChoice(logRetentionChoices), default: "30", "CloudWatch Logs retention of the builds"),
            KeySpec("pipelines", .object(pipelines), "the pipelines"),
            KeySpec("notifications", .object(notifications), "e-mail about failed (and optionally succeeded) pipeline runs"),
        ])

    /// The retention periods CloudWatch Logs accepts.
    public static let logRetentionChoices = [
        1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
    ]
}
