import Glibc
import PipegenKit
import Testing
import YAMLKit

@testable import PipegenCLI

/// `pipegen ecs-files`, run in process against temporary folders.
@Suite struct EcsFilesTests {
    static func config(_ containerDeployment: String = "  container-deployment: {}\n", taskRoles: String = "") -> String {
        """
        project: shop
        tooling:
          account: "111111111111"
          region: eu-west-1
        environments:
          - name: dev
            account: "222222222222"
            ecs: { cluster: c-dev, service: s, listener: l-dev, target-groups: [dev-blue, dev-green] }
          - name: prod
            account: "444444444444"
            region: us-east-1
            ecs: { cluster: c-prod, service: s, listener: l-prod, target-groups: [prod-blue, prod-green] }
        pipelines:

        """ + containerDeployment + taskRoles
    }

    @Test func writesTheAppSpecAndATaskDefinitionPerEnvironment() throws {
        try withTemporaryFolder { folder in
            try write(Self.config(), to: "\(folder)/pipegen.yaml")
            let run = pipegen(["ecs-files"], in: folder)
            #expect(run.code == 0)
            #expect(run.stderr == "")
            expectSnapshot(
                run.stdout,
                """
                wrote deployment/appspec.yaml
                wrote deployment/taskdef-dev.json
                  note: the pipeline may pass these roles to the tasks (iam:PassRole): shop-* in account 222222222222; name others in container-deployment.task-roles
                wrote deployment/taskdef-prod.json
                  note: the pipeline may pass these roles to the tasks (iam:PassRole): shop-* in account 444444444444; name others in container-deployment.task-roles
                next: edit the roles, CPU, memory and log group, then commit the files to 'ECS-Container-Deployment'

                """)
            let files = try tree("\(folder)/deployment")
            #expect(files.keys.sorted() == ["appspec.yaml", "taskdef-dev.json", "taskdef-prod.json"])

            let appspec = try #require(try YAMLReader.parse(files["appspec.yaml"]!)).document
            #expect(appspec["version"] == .double(0.0))
            let properties = appspec["Resources"]?[0]?["TargetService"]?["Properties"]
            #expect(appspec["Resources"]?[0]?["TargetService"]?["Type"] == "AWS::ECS::Service")
            #expect(properties?["TaskDefinition"] == "<TASK_DEFINITION>")
            #expect(properties?["LoadBalancerInfo"] == ["ContainerName": "shop", "ContainerPort": 80])

            for (env, account, region) in [("dev", "222222222222", "eu-west-1"), ("prod", "444444444444", "us-east-1")] {
                let text = files["taskdef-\(env).json"]!
                let task = try JSONReader.parse(text).document
                #expect(task["family"] == .string("shop-\(env)"))
                #expect(task["executionRoleArn"] == .string("arn:aws:iam::\(account):role/shop-\(env)-task-execution"))
                #expect(task["taskRoleArn"] == .string("arn:aws:iam::\(account):role/shop-\(env)-task"))
                #expect(task["networkMode"] == "awsvpc")
                #expect(task["requiresCompatibilities"] == ["FARGATE"])
                #expect(task["cpu"] == "256" && task["memory"] == "512")
                let container = task["containerDefinitions"]?[0]
                #expect(container?["name"] == "shop")
                #expect(container?["image"] == "<IMAGE1_NAME>", "CodePipeline fills the image from the ECR source")
                #expect(container?["portMappings"] == [["containerPort": 80, "protocol": "tcp"]])
                #expect(container?["logConfiguration"]?["logDriver"] == "awslogs")
                #expect(container?["logConfiguration"]?["options"]?["awslogs-region"] == .string(region))
                #expect(!text.contains(":latest"), "never a moving tag")
                #expect(!text.contains(":task-definition/"), "never a fixed task definition ARN")
            }
        }
    }

    @Test func neverOverwritesAFileAndWritesTheRest() throws {
        try withTemporaryFolder { folder in
            try write(Self.config(), to: "\(folder)/pipegen.yaml")
            #expect(mkdir("\(folder)/deployment", 0o755) == 0)
            try write("my own task definition\n", to: "\(folder)/deployment/taskdef-dev.json")
            let before = inode("\(folder)/deployment/taskdef-dev.json")
            let run = pipegen(["ecs-files"], in: folder)
            #expect(run.code == 0)
            #expect(run.stdout.contains("skipped deployment/taskdef-dev.json (it exists; pipegen never overwrites it)\n"))
            #expect(run.stdout.contains("wrote deployment/appspec.yaml\n") && run.stdout.contains("wrote deployment/taskdef-prod.json\n"))
            #expect(try read("\(folder)/deployment/taskdef-dev.json") == "my own task definition\n")
            #expect(inode("\(folder)/deployment/taskdef-dev.json") == before)
            #expect(try tree("\(folder)/deployment").keys.sorted() == ["appspec.yaml", "taskdef-dev.json", "taskdef-prod.json"])

            let again = pipegen(["ecs-files"], in: folder)
            #expect(again.code == 0)
            #expect(!again.stdout.contains("wrote"), "a second run finds every file in place")
            #expect(!again.stdout.contains("next:"))
        }
    }

    @Test func theDefaultFolderIsNextToTheConfigAndPathsKeepTheirFolders() throws {
        try withTemporaryFolder { folder in
            #expect(mkdir("\(folder)/infra", 0o755) == 0)
            let cd = "  container-deployment:\n    appspec: deploy/appspec.yaml\n    task-definition: deploy/{env}/taskdef.json\n"
            try write(Self.config(cd), to: "\(folder)/infra/pipegen.yaml")
            let run = pipegen(["ecs-files", "infra/pipegen.yaml", "--container", "web", "--port", "8080"], in: folder)
            #expect(run.code == 0, "\(run.stderr)")
            #expect(
                try tree("\(folder)/infra/deployment").keys.sorted() == [
                    "deploy/", "deploy/appspec.yaml", "deploy/dev/", "deploy/dev/taskdef.json", "deploy/prod/",
                    "deploy/prod/taskdef.json",
                ])
            #expect(run.stdout.hasPrefix("wrote infra/deployment/deploy/appspec.yaml\n"))
            let task = try JSONReader.parse(try read("\(folder)/infra/deployment/deploy/dev/taskdef.json")).document
            #expect(task["containerDefinitions"]?[0]?["name"] == "web")
            #expect(task["containerDefinitions"]?[0]?["portMappings"]?[0]?["containerPort"] == 8080)
            let appspec = try read("\(folder)/infra/deployment/deploy/appspec.yaml")
            #expect(appspec.contains("ContainerName: web\n") && appspec.contains("ContainerPort: 8080\n"))
        }
    }

    @Test func aSharedTaskDefinitionSaysWhichEnvironmentItNames() throws {
        try withTemporaryFolder { folder in
            try write(Self.config("  container-deployment:\n    task-definition: taskdef.json\n"), to: "\(folder)/pipegen.yaml")
            let run = pipegen(["ecs-files", "--out", "repo"], in: folder)
            #expect(run.code == 0)
            expectSnapshot(
                run.stdout,
                """
                wrote repo/appspec.yaml
                wrote repo/taskdef.json
                  note: environments 'dev', 'prod' share this file, which names the account and region of 'dev'; put '{env}' in 'task-definition' to get one per environment
                  note: the pipeline may pass these roles to the tasks (iam:PassRole): shop-* in account 222222222222; name others in container-deployment.task-roles
                next: edit the roles, CPU, memory and log group, then commit the files to 'ECS-Container-Deployment'

                """)
        }
    }

    @Test func rolesOutsideTheTaskRolesArePointedOut() throws {
        try withTemporaryFolder { folder in
            let cd = "  container-deployment:\n    task-roles: [\"{project}-{env}-task\"]\n"
            try write(Self.config(cd), to: "\(folder)/pipegen.yaml")
            let run = pipegen(["ecs-files"], in: folder)
            #expect(run.code == 0)
            #expect(
                run.stdout.contains(
                    "  note: role 'shop-dev-task-execution' matches none of container-deployment.task-roles (shop-dev-task), "
                        + "so the pipeline may not pass it; rename it or add it there\n"))
            #expect(!run.stdout.contains("role 'shop-dev-task' matches none"))
        }
    }

    /// The AppSpec names the hook functions the config lets CodeDeploy invoke, in lifecycle
    /// order, each environment's own when the AppSpec is one per environment.
    @Test func theAppSpecNamesTheHookFunctions() throws {
        try withTemporaryFolder { folder in
            let cd = """
                  container-deployment:
                    appspec: appspec-{env}.yaml
                    hooks:
                      AfterAllowTraffic: "{project}-{env}-verify"
                      BeforeInstall: "{project}-{env}-prepare"

                """
            try write(Self.config(cd), to: "\(folder)/pipegen.yaml")
            let run = pipegen(["ecs-files"], in: folder)
            #expect(run.code == 0, "\(run.stderr)")
            for env in ["dev", "prod"] {
                let appspec = try #require(try YAMLReader.parse(try read("\(folder)/deployment/appspec-\(env).yaml"))).document
                #expect(appspec["Hooks"] == [["BeforeInstall": .string("shop-\(env)-prepare")], ["AfterAllowTraffic": .string("shop-\(env)-verify")]])
            }
        }
    }

    /// Each task definition says which roles the pipeline may pass to its tasks, in its account.
    @Test func eachTaskDefinitionSaysWhichRolesThePipelineMayPass() throws {
        try withTemporaryFolder { folder in
            let cd = "  container-deployment:\n    task-roles: [ecsTaskExecutionRole, \"{project}-{env}-*\", \"arn:aws:iam::444444444444:role/app/shop-task\"]\n"
            try write(Self.config(cd), to: "\(folder)/pipegen.yaml")
            let run = pipegen(["ecs-files"], in: folder)
            #expect(run.code == 0, "\(run.stderr)")
            #expect(
                run.stdout.contains(
                    "wrote deployment/taskdef-dev.json\n  note: the pipeline may pass these roles to the tasks (iam:PassRole): "
                        + "ecsTaskExecutionRole, shop-dev-* in account 222222222222; "
                        + "name others in container-deployment.task-roles\n"))
            #expect(
                run.stdout.contains(
                    "  note: the pipeline may pass these roles to the tasks (iam:PassRole): ecsTaskExecutionRole, shop-prod-*, "
                        + "arn:aws:iam::444444444444:role/app/shop-task in account 444444444444; name others in container-deployment.task-roles\n"))
        }
    }

    @Test func aConfigWithoutContainerDeploymentIsAnErrorAndWritesNothing() throws {
        try withTemporaryFolder { folder in
            try write(Self.config("  container-build: {}\n"), to: "\(folder)/pipegen.yaml")
            let run = pipegen(["ecs-files"], in: folder)
            #expect(run.code == 1)
            #expect(run.stdout == "")
            #expect(
                run.stderr.hasSuffix(
                    "error: 'pipegen.yaml' has no container-deployment pipeline, so there are no deployment files to write; "
                        + "add 'container-deployment:' under 'pipelines' first\n"))
            #expect(try tree(folder).keys.sorted() == ["pipegen.yaml"])
        }
    }

    @Test func anInvalidConfigWritesNothing() throws {
        try withTemporaryFolder { folder in
            try write(Self.config().replacing("444444444444", with: "4444"), to: "\(folder)/pipegen.yaml")
            let run = pipegen(["ecs-files"], in: folder)
            #expect(run.code == 1)
            #expect(run.stderr.contains("pipegen.yaml:10:14: error: account id '4444' must be 12 digits"))
            #expect(try tree(folder).keys.sorted() == ["pipegen.yaml"])
        }
    }

    @Test(arguments: [
        (["--port", "0"], "'--port' must be a number from 1 to 65535 (got '0')"),
        (["--port", "http"], "'--port' must be a number from 1 to 65535 (got 'http')"),
        (["--container", "my app"], "'--container' must be 1 to 255 letters, digits, hyphens and underscores (got 'my app')"),
        (["--contaner", "x"], "unknown option '--contaner'"),
    ])
    func badOptionsAreUsageErrors(_ options: [String], _ message: String) throws {
        try withTemporaryFolder { folder in
            try write(Self.config(), to: "\(folder)/pipegen.yaml")
            let run = pipegen(["ecs-files"] + options, in: folder)
            #expect(run.code == 2)
            #expect(run.stderr.hasPrefix("error: \(message)\n"))
            #expect(run.stderr.hasSuffix("Run 'pipegen ecs-files --help' for usage.\n"))
            #expect(try tree(folder).keys.sorted() == ["pipegen.yaml"])
        }
    }
}
